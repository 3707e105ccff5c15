// Plugins other features add to every rich-text editor, chosen per bound fragment (e.g. the marks of a
// comparison of two versions, renderer/src/versions). A source returns [] for fragments it has nothing for.
import type { Plugin } from 'prosemirror-state';
import type * as Y from 'yjs';

type PluginSource = (fragment: Y.XmlFragment) => Plugin[];

const sources = new Set<PluginSource>();

export function registerEditorPlugins(source: PluginSource): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

export function extraPlugins(fragment: Y.XmlFragment): Plugin[] {
  return [...sources].flatMap((source) => source(fragment));
}
