// Rich values of the interchange format (a Markdown string or a ProseMirror JSON document)
// converted to and from ProseMirror nodes of the editor schema.
import { Fragment, type Mark, type Node as PMNode, type NodeType } from 'prosemirror-model';
import type { ProseMirrorDocJSON, Rich } from '../format/schema';
import { parseMarkdown, toMarkdownIfExact } from './markdown';
import { HEADING_LEVELS, richSchema } from './schema';

/** Rich text that does not fit the editor schema. `path` is a JSON pointer inside the rich value. */
export class RichTextError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path || '/'}: ${reason}`);
    this.name = 'RichTextError';
  }
}

/** Markdown is parsed; a ProseMirror JSON document is checked against the schema (RichTextError). */
export function richToProseMirror(rich: Rich): PMNode {
  if (typeof rich === 'string') return parseMarkdown(rich);
  return proseMirrorFromJson(rich);
}

/** Markdown when the document is exactly representable in Markdown; otherwise ProseMirror JSON. */
export function proseMirrorToRich(doc: PMNode): Rich {
  if (doc.type !== richSchema.topNodeType) throw new Error(`expected a "doc" node, got "${doc.type.name}"`);
  const markdown = toMarkdownIfExact(doc);
  return markdown ?? (doc.toJSON() as ProseMirrorDocJSON);
}

/** The text of a rich value without markup; blocks separated by newlines. */
export function richToPlainText(rich: Rich): string {
  return proseMirrorToPlainText(richToProseMirror(rich));
}

export function proseMirrorToPlainText(doc: PMNode): string {
  return doc.textBetween(0, doc.content.size, '\n', (leaf) => (leaf.type.name === 'hard_break' ? '\n' : '')).trim();
}

/** Problems of a rich value as JSON-pointer paths inside it; empty when it fits the schema. */
export function checkRich(rich: unknown): RichTextError[] {
  if (typeof rich === 'string') return [];
  try {
    proseMirrorFromJson(rich);
    return [];
  } catch (error) {
    if (error instanceof RichTextError) return [error];
    throw error;
  }
}

/** True when the document holds nothing but empty paragraphs (an empty field). */
export function isEmptyDoc(doc: PMNode): boolean {
  let empty = true;
  doc.forEach((child) => {
    if (child.type.name !== 'paragraph' || child.childCount > 0) empty = false;
  });
  return empty;
}

// ---- ProseMirror JSON checked node by node, so that the error names the path ------------------

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function proseMirrorFromJson(json: unknown): PMNode {
  if (!isObject(json) || json.type !== 'doc') throw new RichTextError('', 'a ProseMirror document must have "type": "doc"');
  // {"type": "doc"} without content is an empty text: accept it as one empty paragraph.
  if (Array.isArray(json.content) ? json.content.length === 0 : json.content === undefined) {
    if (Object.keys(json).every((key) => key === 'type' || key === 'content')) return richSchema.topNodeType.createAndFill()!;
  }
  const doc = buildNode(json, '');
  try {
    doc.check(); // belt and braces: anything the walk above did not catch
  } catch (error) {
    throw new RichTextError('', (error as Error).message);
  }
  return doc;
}

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);

function buildNode(json: unknown, path: string): PMNode {
  if (!isObject(json)) throw new RichTextError(path, 'a node must be an object');
  const typeName = json.type;
  if (typeof typeName !== 'string') throw new RichTextError(`${path}/type`, 'a node needs a "type" string');
  const type = richSchema.nodes[typeName];
  if (!type) {
    throw new RichTextError(`${path}/type`, `unknown node type "${typeName}" (allowed: ${Object.keys(richSchema.nodes).join(', ')})`);
  }
  for (const key of Object.keys(json)) {
    if (!NODE_KEYS.has(key)) throw new RichTextError(`${path}/${key}`, `unknown key "${key}" in a node`);
  }
  const marks = buildMarks(json.marks, `${path}/marks`);
  if (type.isText) {
    if (typeof json.text !== 'string' || json.text === '') throw new RichTextError(`${path}/text`, 'a text node needs non-empty "text"');
    if (json.content !== undefined) throw new RichTextError(`${path}/content`, 'a text node has no content');
    return richSchema.text(json.text, marks);
  }
  if (json.text !== undefined) throw new RichTextError(`${path}/text`, `"${typeName}" is not a text node`);
  const attrs = checkAttrs(type, json.attrs, `${path}/attrs`);
  if (json.content !== undefined && !Array.isArray(json.content)) throw new RichTextError(`${path}/content`, 'content must be an array');
  const children = ((json.content as unknown[] | undefined) ?? []).map((child, i) => buildNode(child, `${path}/content/${i}`));
  checkContent(type, children, path);
  if (marks.length > 0) throw new RichTextError(`${path}/marks`, `marks are only allowed on text nodes, not on "${typeName}"`);
  try {
    return type.create(attrs, Fragment.fromArray(children));
  } catch (error) {
    throw new RichTextError(path, (error as Error).message);
  }
}

function checkAttrs(type: NodeType, attrs: unknown, path: string): Json | null {
  if (attrs === undefined) return null;
  if (!isObject(attrs)) throw new RichTextError(path, 'attrs must be an object');
  const known = type.spec.attrs ?? {};
  for (const name of Object.keys(attrs)) {
    if (!(name in known)) throw new RichTextError(`${path}/${name}`, `"${type.name}" has no attribute "${name}"`);
  }
  if (type.name === 'heading' && 'level' in attrs && !(HEADING_LEVELS as readonly unknown[]).includes(attrs.level)) {
    throw new RichTextError(`${path}/level`, `heading level must be one of ${HEADING_LEVELS.join(', ')}`);
  }
  if (type.name === 'image' && (typeof attrs.alt !== 'string' || attrs.alt.trim() === '')) throw new RichTextError(`${path}/alt`, 'a picture needs an alternative text ("alt")');
  if (type.name === 'image' && 'width' in attrs && !(typeof attrs.width === 'number' && attrs.width >= 10 && attrs.width <= 100)) {
    throw new RichTextError(`${path}/width`, 'a picture\'s width is a percentage of the text width, 10 to 100');
  }
  return attrs;
}

function checkContent(type: NodeType, children: PMNode[], path: string): void {
  let match = type.contentMatch;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const next = match.matchType(child.type);
    if (!next) {
      throw new RichTextError(`${path}/content/${i}`, `"${child.type.name}" is not allowed here in "${type.name}" (content: ${type.spec.content ?? 'none'})`);
    }
    if (!type.allowsMarks(child.marks)) {
      throw new RichTextError(`${path}/content/${i}/marks`, `marks are not allowed inside "${type.name}"`);
    }
    match = next;
  }
  if (!match.validEnd) {
    throw new RichTextError(path, `"${type.name}" is incomplete: its content must match ${type.spec.content}`);
  }
}

function buildMarks(json: unknown, path: string): Mark[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) throw new RichTextError(path, 'marks must be an array');
  return json.map((mark, i) => {
    const at = `${path}/${i}`;
    if (!isObject(mark) || typeof mark.type !== 'string') throw new RichTextError(at, 'a mark needs a "type" string');
    const type = richSchema.marks[mark.type];
    if (!type) throw new RichTextError(`${at}/type`, `unknown mark "${mark.type}" (allowed: ${Object.keys(richSchema.marks).join(', ')})`);
    const attrs = mark.attrs;
    if (attrs !== undefined && !isObject(attrs)) throw new RichTextError(`${at}/attrs`, 'attrs must be an object');
    for (const name of Object.keys(attrs ?? {})) {
      if (!(name in (type.spec.attrs ?? {}))) throw new RichTextError(`${at}/attrs/${name}`, `mark "${type.name}" has no attribute "${name}"`);
    }
    try {
      return type.create(attrs ?? null);
    } catch (error) {
      throw new RichTextError(at, (error as Error).message);
    }
  });
}
