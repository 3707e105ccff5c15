// What a user of the strategy sees in a Y.Doc, without the comments: every root type except `comments`, with
// `comment…` format attributes left out of the texts. Commenter tests compare it before and after: a
// commenter's accepted changes must leave it exactly as it was.
import * as Y from 'yjs';

const COMMENT_KEY = /^comment(--|$)/;

function project(value: unknown): unknown {
  if (value instanceof Y.XmlText || value instanceof Y.Text) {
    // Runs whose only difference was a comment attribute are joined again.
    const runs: { insert: unknown; attributes?: Record<string, unknown> }[] = [];
    for (const op of value.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      const attributes = Object.fromEntries(Object.entries(op.attributes ?? {}).filter(([key]) => !COMMENT_KEY.test(key)));
      const run = { insert: typeof op.insert === 'string' ? op.insert : project(op.insert), ...(Object.keys(attributes).length > 0 ? { attributes } : {}) };
      const last = runs[runs.length - 1];
      if (last && typeof last.insert === 'string' && typeof run.insert === 'string' && JSON.stringify(last.attributes) === JSON.stringify(run.attributes)) {
        last.insert += run.insert;
      } else {
        runs.push(run);
      }
    }
    const attrs = value instanceof Y.XmlText ? value.getAttributes() : {};
    return { text: runs, ...(Object.keys(attrs).length > 0 ? { attrs } : {}) };
  }
  if (value instanceof Y.XmlElement) {
    return { node: value.nodeName, attrs: value.getAttributes(), children: value.toArray().map(project) };
  }
  if (value instanceof Y.XmlFragment) return { children: value.toArray().map(project) };
  if (value instanceof Y.Array) return value.toArray().map(project);
  if (value instanceof Y.Map) {
    return Object.fromEntries([...value.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, entry]) => [key, project(entry)]));
  }
  return value;
}

/** The strategy part of `doc` (roots are read with the layout's types: maps and XML fragments; empty ones left out). */
export function strategyProjection(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...doc.share.keys()].sort()) {
    if (name === 'comments') continue;
    const isFragment = name === 'visionStatement' || name === 'visionBody';
    const root = isFragment ? doc.getXmlFragment(name) : doc.getMap(name);
    // An empty root is no content (reading a root through the model creates it locally).
    if (root instanceof Y.Map ? root.size === 0 : root.length === 0) continue;
    out[name] = project(root);
  }
  return out;
}

/** The first Y.XmlText of the vision statement with some text (a paragraph's text as y-prosemirror stores it). */
export function firstVisionText(doc: Y.Doc): Y.XmlText {
  const walk = (node: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && child.length > 3) return child;
      if (child instanceof Y.XmlElement) {
        const found = walk(child);
        if (found) return found;
      }
    }
    return null;
  };
  const found = walk(doc.getXmlFragment('visionStatement'));
  if (!found) throw new Error('the document has no vision statement text');
  return found;
}
