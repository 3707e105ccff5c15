// Rich text compared word by word. Both values (Markdown or ProseMirror JSON) are read as ProseMirror
// JSON of the editor schema; the result is ONE tree in the same JSON shape, the new text with the old
// text's deleted parts kept in place, where a node carries `change: 'inserted' | 'deleted'` when it
// (and everything inside it) exists only in the new or only in the old text. Text nodes keep their
// marks, so an insertion in bold stays bold. Reading only the nodes without 'deleted' gives the new
// text exactly; only those without 'inserted' gives the old one (the Word redline relies on that).
import type { Rich } from '../format/schema';
import { richToJson, type PmMark, type PmNode } from '../export/rich-json';
import { diffSequences } from './sequence';

export type Change = 'inserted' | 'deleted';

/** A node of the compared text: ProseMirror JSON, and the change of this node and all it holds. */
export interface DiffNode extends PmNode {
  change?: Change;
  content?: DiffNode[];
}

export interface RichDiff {
  /** The merged text: a `doc` node. */
  doc: DiffNode;
  /** Words only in the new text, and only in the old one. */
  insertedWords: number;
  deletedWords: number;
}

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'code_block']);

/**
 * A paired old and new paragraph are diffed word by word only when at least this share of their
 * words is common; less than that reads better as the old paragraph deleted and the new one inserted.
 */
const SIMILAR_ENOUGH = 0.3;

/** Whether two rich values hold the same text and structure (without parsing when they are identical). */
export function sameRich(a: Rich | undefined, b: Rich | undefined): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return normaliseBlank(a) === normaliseBlank(b) || keyOf(richToJson(a)) === keyOf(richToJson(b));
  if (isBlank(a) && isBlank(b)) return true;
  if (a !== undefined && b !== undefined && typeof a !== 'string' && typeof b !== 'string' && JSON.stringify(a) === JSON.stringify(b)) return true;
  return keyOf(richToJson(a)) === keyOf(richToJson(b));
}

function normaliseBlank(text: string): string {
  return text.trim();
}

function isBlank(rich: Rich | undefined): boolean {
  return rich === undefined || (typeof rich === 'string' && rich.trim() === '');
}

/** The word-level difference of two rich values (either may be absent: all inserted or all deleted). */
export function diffRich(oldRich: Rich | undefined, newRich: Rich | undefined): RichDiff {
  const counts = { inserted: 0, deleted: 0 };
  const oldDoc = richToJson(oldRich);
  const newDoc = richToJson(newRich);
  const content = mergeBlocks(oldDoc.content ?? [], newDoc.content ?? [], counts);
  return { doc: { type: 'doc', content }, insertedWords: counts.inserted, deletedWords: counts.deleted };
}

interface Counts {
  inserted: number;
  deleted: number;
}

function keyOf(node: PmNode): string {
  return JSON.stringify(node);
}

function marked(node: PmNode, change: Change, counts: Counts): DiffNode {
  counts[change] += wordCount(plainText(node));
  return { ...node, change };
}

function mergeBlocks(oldNodes: PmNode[], newNodes: PmNode[], counts: Counts): DiffNode[] {
  const runs = diffSequences(oldNodes.map(keyOf), newNodes.map(keyOf));
  const out: DiffNode[] = [];
  let deleted: PmNode[] = [];
  let inserted: PmNode[] = [];
  const flush = () => {
    out.push(...mergeReplaced(deleted, inserted, counts));
    deleted = [];
    inserted = [];
  };
  for (const run of runs) {
    if (run.op === 'equal') {
      flush();
      out.push(...newNodes.slice(run.newStart, run.newStart + run.length));
    } else if (run.op === 'delete') {
      deleted.push(...oldNodes.slice(run.oldStart, run.oldStart + run.length));
    } else {
      inserted.push(...newNodes.slice(run.newStart, run.newStart + run.length));
    }
  }
  flush();
  return out;
}

/**
 * A stretch where old blocks were replaced by new ones: pairs them in order where they are of one
 * type (and, for paragraphs, similar enough) and diffs inside each pair; the rest is deleted or
 * inserted whole. Deleted blocks come before the inserted ones they stand next to.
 */
function mergeReplaced(deleted: PmNode[], inserted: PmNode[], counts: Counts): DiffNode[] {
  const out: DiffNode[] = [];
  let d = 0;
  let i = 0;
  while (d < deleted.length || i < inserted.length) {
    const oldNode = deleted[d];
    const newNode = inserted[i];
    if (oldNode && newNode && oldNode.type === newNode.type) {
      const pair = TEXTBLOCKS.has(newNode.type) ? mergeTextblock(oldNode, newNode, counts) : mergeContainer(oldNode, newNode, counts);
      // Of one type but too different to diff inside: the old one replaced by the new one.
      out.push(...(pair ?? [marked(oldNode, 'deleted', counts), marked(newNode, 'inserted', counts)]));
      d++;
      i++;
      continue;
    }
    // No pair here: the shorter side's next block waits for a partner of its own type further on.
    if (oldNode && (!newNode || deleted.length - d >= inserted.length - i)) {
      out.push(marked(oldNode, 'deleted', counts));
      d++;
    } else if (newNode) {
      out.push(marked(newNode, 'inserted', counts));
      i++;
    }
  }
  return out;
}

function mergeContainer(oldNode: PmNode, newNode: PmNode, counts: Counts): DiffNode[] | undefined {
  if (!oldNode.content && !newNode.content) return undefined; // a leaf block (rule, image) that changed
  return [{ ...newNode, content: mergeBlocks(oldNode.content ?? [], newNode.content ?? [], counts) }];
}

interface Token {
  key: string;
  /** The text of a text token; undefined for an inline node (a hard break). */
  text?: string;
  node: PmNode;
  word: boolean;
}

const TOKEN = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;
/** A token that counts as a word (not a space or a punctuation mark). */
const WORDLIKE = /[\p{L}\p{N}]/u;

function tokens(nodes: PmNode[] | undefined): Token[] {
  const out: Token[] = [];
  for (const node of nodes ?? []) {
    const marksKey = node.marks && node.marks.length > 0 ? JSON.stringify(node.marks) : '';
    if (node.type === 'text') {
      for (const match of (node.text ?? '').matchAll(TOKEN)) {
        const text = match[0];
        out.push({ key: `${marksKey}\u0001${text}`, text, node, word: WORDLIKE.test(text) });
      }
    } else {
      out.push({ key: `\u0002${JSON.stringify(node)}`, node, word: false });
    }
  }
  return out;
}

function sameMarks(a: PmMark[] | undefined, b: PmMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

function mergeTextblock(oldNode: PmNode, newNode: PmNode, counts: Counts): DiffNode[] | undefined {
  const oldTokens = tokens(oldNode.content);
  const newTokens = tokens(newNode.content);
  // Semantic clean-up: a lone space between two changes is taken into them ("døgnet rundt" →
  // "hele døgnet" rather than two words swapped around a kept space).
  const runs = diffSequences(
    oldTokens.map((t) => t.key),
    newTokens.map((t) => t.key),
    { cleanup: true },
  );
  let common = 0;
  for (const run of runs) {
    if (run.op !== 'equal') continue;
    for (let k = 0; k < run.length; k++) if (newTokens[run.newStart + k]!.word) common++;
  }
  const words = Math.max(oldTokens.filter((t) => t.word).length, newTokens.filter((t) => t.word).length);
  if (words > 0 && common / words < SIMILAR_ENOUGH) return undefined;

  const content: DiffNode[] = [];
  const push = (token: Token, change: Change | undefined) => {
    if (change && token.word) counts[change]++;
    if (token.text === undefined) {
      content.push(change ? { ...token.node, change } : token.node);
      return;
    }
    const last = content[content.length - 1];
    if (last && last.type === 'text' && last.change === change && sameMarks(last.marks, token.node.marks)) {
      last.text = (last.text ?? '') + token.text;
      return;
    }
    const node: DiffNode = { type: 'text', text: token.text };
    if (token.node.marks && token.node.marks.length > 0) node.marks = token.node.marks;
    if (change) node.change = change;
    content.push(node);
  };
  for (const run of runs) {
    for (let k = 0; k < run.length; k++) {
      if (run.op === 'equal') push(newTokens[run.newStart + k]!, undefined);
      else if (run.op === 'delete') push(oldTokens[run.oldStart + k]!, 'deleted');
      else push(newTokens[run.newStart + k]!, 'inserted');
    }
  }
  const merged: DiffNode = { ...newNode };
  if (content.length > 0) merged.content = content;
  else delete merged.content;
  return [merged];
}

/** The text of a node, blocks run together (for counting words). */
function plainText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(plainText).join(' ');
}

function wordCount(text: string): number {
  let n = 0;
  for (const match of text.matchAll(TOKEN)) if (WORDLIKE.test(match[0])) n++;
  return n;
}

/** The merged text as the old (`'old'`) or the new (`'new'`) side sees it: the other side's nodes left out. */
export function sideOf(doc: DiffNode, side: 'old' | 'new'): PmNode {
  const skip: Change = side === 'old' ? 'inserted' : 'deleted';
  const walk = (node: DiffNode): PmNode => {
    const { change: _change, content, ...rest } = node;
    const out: PmNode = { ...rest };
    if (content) {
      const kept: PmNode[] = [];
      for (const child of content) {
        if (child.change === skip) continue;
        const copy = walk(child);
        const previous = kept[kept.length - 1];
        // Neighbouring text of the same marks is one text node again, as the editor stores it.
        if (copy.type === 'text' && previous?.type === 'text' && sameMarks(previous.marks, copy.marks)) {
          kept[kept.length - 1] = { ...previous, text: (previous.text ?? '') + (copy.text ?? '') };
        } else {
          kept.push(copy);
        }
      }
      if (kept.length > 0) out.content = kept;
    }
    return out;
  };
  return walk(doc);
}

/** A piece of a compared plain text (a title, a goal, a table cell's line). */
export interface TextPiece {
  text: string;
  change?: Change;
}

/**
 * Two plain texts compared word by word: the pieces in order, the new text's and the old one's
 * interleaved. The pieces without 'deleted' give the new text, those without 'inserted' the old.
 */
export function diffText(oldText: string, newText: string): TextPiece[] {
  if (oldText === newText) return newText === '' ? [] : [{ text: newText }];
  const oldTokens = [...oldText.matchAll(TOKEN)].map((m) => m[0]);
  const newTokens = [...newText.matchAll(TOKEN)].map((m) => m[0]);
  const pieces: TextPiece[] = [];
  const push = (text: string, change: Change | undefined) => {
    const last = pieces[pieces.length - 1];
    if (last && last.change === change) last.text += text;
    else pieces.push(change ? { text, change } : { text });
  };
  for (const run of diffSequences(oldTokens, newTokens, { cleanup: true })) {
    for (let k = 0; k < run.length; k++) {
      if (run.op === 'equal') push(newTokens[run.newStart + k]!, undefined);
      else if (run.op === 'delete') push(oldTokens[run.oldStart + k]!, 'deleted');
      else push(newTokens[run.newStart + k]!, 'inserted');
    }
  }
  return pieces;
}
