// A template's guidance ("Skriv visionen i én eller to sætninger …"): shown in a field while it is empty,
// never content. Stored in the root map `hints` beside the fields: target id (VISION_ID for the vision,
// META_ID for the cover's fields, else the item's id) → a plain object { field: text }. The editor's
// placeholder and the plain inputs' placeholder attribute read it; the Word export and the field's content
// never see it. The interchange file carries the same as `hints` (docs/format.md), with "vision" and "meta".
import type * as Y from 'yjs';
import type { Hints } from '../format/schema';
import { VISION_TARGET } from '../format/comment-rules';
import { META_ID, VISION_ID } from './model-constants';

export const HINTS = 'hints';
/** The target of the cover's hints (meta.subtitle …) in files. */
const META_TARGET = 'meta';

type HintFields = Record<string, string>;

export function hintsMap(doc: Y.Doc): Y.Map<HintFields> {
  return doc.getMap<HintFields>(HINTS);
}

const toModelId = (fileId: string): string => (fileId === VISION_TARGET ? VISION_ID : fileId === META_TARGET ? META_ID : fileId);
const toFileId = (modelId: string): string => (modelId === VISION_ID ? VISION_TARGET : modelId === META_ID ? META_TARGET : modelId);

/** The hint of one field (undefined when it has none, or only blank text). */
export function readHint(doc: Y.Doc, id: string, field: string): string | undefined {
  const text = hintsMap(doc).get(id)?.[field];
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

/**
 * Writes a file's hints (file ids: "vision" is the vision) in one transaction; blank texts are left out.
 * A target's hints replace what it held before.
 */
export function writeHints(doc: Y.Doc, hints: Hints, origin: unknown): void {
  doc.transact(() => {
    const map = hintsMap(doc);
    for (const [target, fields] of Object.entries(hints)) {
      const kept: HintFields = {};
      for (const [field, text] of Object.entries(fields)) if (text.trim() !== '') kept[field] = text;
      if (Object.keys(kept).length > 0) map.set(toModelId(target), kept);
    }
  }, origin);
}

/** The hints of the targets that still exist, as a file holds them (undefined when there are none). */
export function exportHints(doc: Y.Doc, exists: (modelId: string) => boolean): Hints | undefined {
  const out: Hints = {};
  for (const [id, fields] of hintsMap(doc).entries()) {
    if (id !== META_ID && id !== VISION_ID && !exists(id)) continue;
    const kept: HintFields = {};
    for (const [field, text] of Object.entries(fields)) if (typeof text === 'string' && text.trim() !== '') kept[field] = text;
    if (Object.keys(kept).length > 0) out[toFileId(id)] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
