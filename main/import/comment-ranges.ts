// What mammoth does not give of Word comments: the text each comment is on (its body reader skips
// w:commentRangeStart/End) and when it was written (its comment element has no date). Both are read here from
// the package itself with JSZip (which mammoth reads the package with), only when the document has comments.
// The XML is scanned for the few tokens that matter (range marks, text runs, paragraph ends): the part is
// machine-written WordprocessingML, and a full XML parse of a 50-page document.xml would double the import.
import JSZip from 'jszip';

export interface CommentRanges {
  /** The commented text per comment id (paragraphs joined by "\n"). */
  quotes: Map<string, string>;
  /** w:date per comment id, as Word writes it (ISO 8601). */
  dates: Map<string, string>;
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity.toLowerCase()] ?? '';
  });
}

const TOKENS = /<w:commentRangeStart\b[^>]*?w:id="([^"]+)"[^>]*>|<w:commentRangeEnd\b[^>]*?w:id="([^"]+)"[^>]*>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<\/w:p>/g;

export async function readCommentRanges(bytes: Uint8Array): Promise<CommentRanges> {
  const zip = await JSZip.loadAsync(bytes);
  const quotes = new Map<string, string>();
  const dates = new Map<string, string>();
  const document = await zip.file('word/document.xml')?.async('string');
  if (document) {
    const open = new Map<string, string>();
    for (const match of document.matchAll(TOKENS)) {
      const [token, start, end, text] = match;
      if (start !== undefined) open.set(start, '');
      else if (end !== undefined) {
        const quote = open.get(end);
        if (quote !== undefined) quotes.set(end, quote.trim());
        open.delete(end);
      } else {
        const piece = text !== undefined ? decode(text) : token === '<w:tab/>' ? '\t' : '\n';
        for (const [id, quote] of open) open.set(id, quote + piece);
      }
    }
  }
  const comments = await zip.file('word/comments.xml')?.async('string');
  if (comments) {
    for (const match of comments.matchAll(/<w:comment\b([^>]*)>/g)) {
      const attributes = match[1] ?? '';
      const id = /w:id="([^"]+)"/.exec(attributes)?.[1];
      const date = /w:date="([^"]+)"/.exec(attributes)?.[1];
      if (id !== undefined && date) dates.set(id, date);
    }
  }
  return { quotes, dates };
}
