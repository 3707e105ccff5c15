// The real-world editing trace (automerge-paper: every keystroke of writing a LaTeX paper), read from
// ../shared/data/editing-trace/ next to the repository. See that folder's README for the format.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { TRACE_FILE, requireFile } from './paths';

/** One edit: at `pos` delete `del` characters, then insert `ins` (Array.prototype.splice semantics). */
export type TraceEdit = [pos: number, del: number, ins: string];

export interface EditingTrace {
  edits: TraceEdit[];
  endContent: string;
}

interface TraceFile {
  startContent?: unknown;
  endContent?: unknown;
  txns?: { patches?: unknown[] }[];
}

export async function loadTrace(file = TRACE_FILE): Promise<EditingTrace> {
  requireFile(
    file,
    'The editing trace',
    'It belongs in ../shared/data/editing-trace/ seen from the repository root (automerge-paper.json.gz, see its README).',
  );
  let parsed: TraceFile;
  try {
    parsed = JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as TraceFile;
  } catch (error) {
    throw new Error(`The editing trace ${file} is not gzipped JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (parsed.startContent !== '' || typeof parsed.endContent !== 'string' || !Array.isArray(parsed.txns)) {
    throw new Error(`The editing trace ${file} lacks startContent "", endContent or txns`);
  }
  const edits: TraceEdit[] = [];
  parsed.txns.forEach((txn, index) => {
    for (const patch of txn.patches ?? []) {
      const [pos, del, ins] = patch as [unknown, unknown, unknown];
      if (typeof pos !== 'number' || typeof del !== 'number' || typeof ins !== 'string') {
        throw new Error(`The editing trace ${file}: /txns/${index}/patches holds a patch that is not [pos, del, text]`);
      }
      edits.push([pos, del, ins]);
    }
  });
  return { edits, endContent: parsed.endContent };
}

/** The trace as one flat array [pos, del, ins, pos, del, ins, …]: compact to send to a browser page. */
export function flattenTrace(edits: readonly TraceEdit[]): (number | string)[] {
  const flat: (number | string)[] = [];
  for (const [pos, del, ins] of edits) flat.push(pos, del, ins);
  return flat;
}

/**
 * The trace as ProseMirror steps in a document of paragraphs, where each "\n" of the text is a paragraph
 * break (the way the paper would sit in a rich-text field). Per edit: [stepCount, ...steps], each step one
 * of [0, pos, text] insert text, [1, pos] split the paragraph, [2, from, to] delete (a range spanning a
 * break joins the two paragraphs). Positions are ProseMirror positions in a doc of paragraphs.
 */
export function paragraphSteps(edits: readonly TraceEdit[], count: number): (number | string)[] {
  const lines: number[] = [0];
  const out: (number | string)[] = [];
  /** Line index and column of a text offset. */
  const locate = (offset: number): { line: number; column: number; lineStart: number } => {
    let rest = offset;
    let pmStart = 1;
    for (let line = 0; line < lines.length; line++) {
      const length = lines[line]!;
      if (rest <= length) return { line, column: rest, lineStart: pmStart };
      rest -= length + 1;
      pmStart += length + 2;
    }
    throw new Error(`trace offset ${offset} is past the end of the text`);
  };
  for (let i = 0; i < count; i++) {
    const [pos, del, ins] = edits[i]!;
    const steps: (number | string)[] = [];
    // Deletions one character at a time, from the end, so positions stay simple.
    for (let d = del - 1; d >= 0; d--) {
      const { line, column, lineStart } = locate(pos + d);
      if (column === lines[line]) {
        // The "\n" after this line: join it with the next one.
        steps.push(2, lineStart + column, lineStart + column + 2);
        lines.splice(line, 2, lines[line]! + lines[line + 1]!);
      } else {
        steps.push(2, lineStart + column, lineStart + column + 1);
        lines[line] = lines[line]! - 1;
      }
    }
    let at = pos;
    for (const part of ins.split(/(\n)/)) {
      if (part === '') continue;
      const { line, column, lineStart } = locate(at);
      if (part === '\n') {
        steps.push(1, lineStart + column);
        lines.splice(line, 1, column, lines[line]! - column);
      } else {
        steps.push(0, lineStart + column, part);
        lines[line] = lines[line]! + part.length;
      }
      at += part.length;
    }
    out.push(countSteps(steps), ...steps);
  }
  return out;
}

function countSteps(steps: (number | string)[]): number {
  let n = 0;
  for (let i = 0; i < steps.length; n++) i += steps[i] === 1 ? 2 : 3;
  return n;
}
