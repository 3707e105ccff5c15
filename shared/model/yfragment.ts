// Y.XmlFragment ⇄ ProseMirror documents of the editor schema, in the layout y-prosemirror's
// ySyncPlugin reads and writes (elements named after node types, marks as text attributes).
//
// Writing uses y-prosemirror's own diff (updateYFragment), so an editor bound to the fragment sees
// a minimal change. Reading is done here rather than with yXmlFragmentToProseMirrorRootNode,
// because that function repairs invalid content by deleting Yjs items; a read (export, views)
// must never change the document. Content that does not fit the schema is skipped on read.
import { Fragment, type Mark, type Node as PMNode } from 'prosemirror-model';
import { updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { richSchema } from '../richtext/schema';

/** Replaces the fragment's content with `doc` (as a minimal diff). Call inside a transaction. */
export function writeFragment(fragment: Y.XmlFragment, doc: PMNode): void {
  const ydoc = fragment.doc;
  if (!ydoc) throw new Error('writeFragment: the fragment must be part of a Y.Doc');
  updateYFragment(ydoc, fragment, doc, { mapping: new Map(), isOMark: new Map() } as never);
}

/** One empty paragraph: the content of an empty rich field. */
export function emptyDoc(): PMNode {
  return richSchema.topNodeType.createAndFill()!;
}

/**
 * Empties the field down to one empty paragraph. Fields are never left without children: an
 * editor binding an empty fragment would fill in a paragraph itself, and two replicas opening the
 * same field at once would each add one.
 */
export function clearFragment(fragment: Y.XmlFragment): void {
  writeFragment(fragment, emptyDoc());
}

/** The document held by the fragment; an empty fragment reads as one empty paragraph. */
export function readFragment(fragment: Y.XmlFragment): PMNode {
  const children = readChildren(fragment);
  const doc = createNode('doc', {}, children);
  return doc ?? emptyDoc();
}

function readChildren(parent: Y.XmlFragment | Y.XmlElement): PMNode[] {
  const out: PMNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = readElement(child);
      if (node) out.push(node);
    } else if (child instanceof Y.XmlText) {
      out.push(...readText(child));
    }
  }
  return out;
}

function readElement(el: Y.XmlElement): PMNode | null {
  const type = richSchema.nodes[el.nodeName];
  if (!type || type.isText) return null;
  const known = type.spec.attrs ?? {};
  const attrs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(el.getAttributes())) {
    if (name in known) attrs[name] = value;
  }
  return createNode(el.nodeName, attrs, readChildren(el));
}

function createNode(typeName: string, attrs: Record<string, unknown>, children: PMNode[]): PMNode | null {
  const type = richSchema.nodes[typeName]!;
  const content = Fragment.fromArray(children);
  try {
    return type.createChecked(attrs, content);
  } catch {
    // Concurrent structural edits can leave content the schema refuses: fill in what is missing,
    // or drop the node, as y-prosemirror's editor binding would.
    try {
      return type.createAndFill(attrs, content);
    } catch {
      return null;
    }
  }
}

const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

function readText(text: Y.XmlText): PMNode[] {
  const nodes: PMNode[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    const marks: Mark[] = [];
    for (const [attrName, value] of Object.entries(op.attributes ?? {})) {
      const markType = richSchema.marks[HASHED_MARK.exec(attrName)?.[1] ?? attrName];
      if (!markType) continue;
      try {
        marks.push(markType.create(value as Record<string, unknown> | null));
      } catch {
        // an attribute value the mark refuses: keep the text, drop the mark
      }
    }
    nodes.push(richSchema.text(op.insert, marks));
  }
  return nodes;
}
