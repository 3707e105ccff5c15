// Reads a .docx into the importer's raw document (shared/import/raw.ts) with mammoth: its document transform
// hands over the parsed tree (paragraph styles with Danish ids and built-in names, list numbering, runs with
// bold/italic, hyperlinks, tables with header rows, comments) before any HTML is made, so nothing is
// re-parsed from HTML. Page headers and footers are never read by mammoth, so they are set aside by
// construction; cover, table of contents and typed page lines are set aside by the recogniser.
// Bad files are refused here with a reason (WordImportError), before mammoth sees them.
import mammoth from 'mammoth';
import type { RawDocument, RawParagraph, RawRun, RawTable } from '../../shared/import/raw';
import { readCommentRanges } from './comment-ranges';

export type WordImportFailure = 'notDocx' | 'truncated' | 'encrypted' | 'legacyDoc' | 'empty' | 'tooLarge';

export class WordImportError extends Error {
  constructor(
    readonly reason: WordImportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WordImportError';
  }
}

/** The largest .docx read (a 300-page strategy with images is ~30 MB). */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary (OLE): Word 97–2003 .doc, and every password-protected .docx (an encrypted package).
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function fail(reason: WordImportFailure): never {
  // Worded for the user by the catalog (host.error.word-import, by reason); this message is for logs.
  throw new WordImportError(reason, `the Word import refused the file: ${reason}`);
}

/** The kind of file the bytes are, decided by their first bytes, never by the name. */
function checkContainer(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) fail('empty');
  if (bytes.byteLength > MAX_DOCX_BYTES) fail('tooLarge');
  if (startsWith(bytes, OLE_MAGIC)) {
    // An encrypted OOXML package is an OLE file with an "EncryptionInfo" stream (MS-OFFCRYPTO 2.3.4).
    fail(containsUtf16(bytes, 'EncryptionInfo') ? 'encrypted' : 'legacyDoc');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) fail('notDocx');
}

// ---- mammoth's document tree (lib/documents.js), the part this reader uses ----

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  isBold?: boolean;
  isItalic?: boolean;
  href?: string;
  anchor?: string;
  isHeader?: boolean;
  colSpan?: number;
  commentId?: string;
  breakType?: string;
}

interface MammothComment {
  commentId: string;
  authorName?: string | null;
  body: MammothElement[];
}

interface MammothDocument extends MammothElement {
  comments?: MammothComment[];
}

interface RunFormat {
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

class TreeReader {
  readonly blocks: RawDocument['blocks'] = [];
  readonly commentBlocks = new Map<string, number>();

  paragraph(element: MammothElement): RawParagraph {
    const runs: RawRun[] = [];
    this.inline(element.children ?? [], {}, runs);
    const paragraph: RawParagraph = { kind: 'paragraph', runs: mergeRuns(runs) };
    if (element.styleId) paragraph.styleId = element.styleId;
    if (element.styleName) paragraph.styleName = element.styleName;
    if (element.numbering) {
      const level = Math.min(8, Math.max(0, Number(element.numbering.level) || 0));
      paragraph.list = { level, ordered: element.numbering.isOrdered };
    }
    return paragraph;
  }

  private inline(children: MammothElement[], format: RunFormat, out: RawRun[]): void {
    for (const child of children) {
      switch (child.type) {
        case 'text':
          if (child.value) out.push({ text: child.value, ...format });
          break;
        case 'tab':
          out.push({ text: '\t', ...format });
          break;
        case 'break':
          // A line break inside a paragraph; page and column breaks only separate.
          out.push({ text: child.breakType === 'line' ? '\n' : ' ', ...format });
          break;
        case 'run': {
          const runFormat: RunFormat = { ...format };
          if (child.isBold) runFormat.bold = true;
          if (child.isItalic) runFormat.italic = true;
          this.inline(child.children ?? [], runFormat, out);
          break;
        }
        case 'hyperlink': {
          // Internal links (the table of contents' "_Toc…" anchors) carry no address worth keeping.
          const linked = child.href ? { ...format, href: child.href } : format;
          this.inline(child.children ?? [], linked, out);
          break;
        }
        case 'commentReference':
          if (child.commentId !== undefined && !this.commentBlocks.has(child.commentId)) {
            this.commentBlocks.set(child.commentId, this.blocks.length);
          }
          break;
        default:
          // images, note references, checkboxes, bookmarks: no text of their own
          if (child.children) this.inline(child.children, format, out);
      }
    }
  }

  table(element: MammothElement): RawTable {
    const rows: RawTable['rows'] = [];
    for (const row of element.children ?? []) {
      if (row.type !== 'tableRow') continue;
      const cells = (row.children ?? [])
        .filter((cell) => cell.type === 'tableCell')
        .map((cell) => ({ colSpan: cell.colSpan ?? 1, paragraphs: this.cellParagraphs(cell.children ?? []) }));
      rows.push({ header: row.isHeader === true, cells });
    }
    return { kind: 'table', rows };
  }

  // A nested table inside a cell becomes its paragraphs, row by row (the editor's cells hold no tables).
  private cellParagraphs(children: MammothElement[]): RawParagraph[] {
    const out: RawParagraph[] = [];
    for (const child of children) {
      if (child.type === 'paragraph') out.push(this.paragraph(child));
      else if (child.type === 'table') for (const row of this.table(child).rows) for (const cell of row.cells) out.push(...cell.paragraphs);
    }
    return out;
  }

  body(children: MammothElement[]): void {
    for (const child of children) {
      if (child.type === 'paragraph') this.blocks.push(this.paragraph(child));
      else if (child.type === 'table') this.blocks.push(this.table(child));
      else if (child.children) this.body(child.children); // content controls and the like wrap paragraphs
    }
  }
}

function mergeRuns(runs: RawRun[]): RawRun[] {
  const out: RawRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

function plainText(elements: MammothElement[]): string {
  return elements
    .map((element) => (element.type === 'text' ? (element.value ?? '') : plainText(element.children ?? []) + (element.type === 'paragraph' ? '\n' : '')))
    .join('');
}

/** Reads the bytes of a .docx; a WordImportError says why a file cannot be read. */
export async function readDocx(bytes: Uint8Array): Promise<RawDocument> {
  checkContainer(bytes);
  let tree: MammothDocument | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: MammothDocument) => {
          tree = document;
          // The HTML is not wanted: give mammoth's converter nothing to do.
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // JSZip: "Corrupted zip …", "Can't find end of central directory"; mammoth: no word/document.xml.
    if (/corrupt|end of central directory|missing \d+ bytes|invalid|unexpected/i.test(message)) fail('truncated');
    if (/word\/document\.xml|main document part/i.test(message)) fail('notDocx');
    fail('truncated');
  }
  if (!tree) fail('notDocx');
  const reader = new TreeReader();
  reader.body(tree.children ?? []);
  const ranges = (tree.comments ?? []).length > 0 ? await readCommentRanges(bytes) : undefined;
  const comments = (tree.comments ?? []).map((comment) => {
    const id = String(comment.commentId);
    const quote = ranges?.quotes.get(id);
    const date = ranges?.dates.get(id);
    return { id, author: comment.authorName ?? '', text: plainText(comment.body).trim(), block: reader.commentBlocks.get(id) ?? 0, ...(quote ? { quote } : {}), ...(date ? { date } : {}) };
  });
  return { blocks: reader.blocks, comments };
}
