// A comparison of two versions (or a version with now) as the document screen shows it: shared/compare's
// differences laid out as one read-only document (./merged-strategy.ts), its marks for the navigator and
// the plan tables (../session/compare-marks.tsx), and for the editors as decorations: inserted text
// underlined in an <ins>, deleted text struck through in a <del> (not colour alone).
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import * as Y from 'yjs';
import { summaryText } from '../../../shared/compare/summary';
import { StrategyModel, exportStrategy } from '../../../shared/model';
import { versionState } from '../../../shared/model/versions';
import { VISION_BODY, VISION_STATEMENT } from '../../../shared/model/layout';
import { VISION_ID } from '../../../shared/model';
import { registerEditorPlugins } from '../editor/extra-plugins';
import { currentLanguage } from '../i18n/i18n';
import { compareMarksOf, setCompareMarks, type TextMark } from '../session/compare-marks';
import { applyMergedComparison, mergeComparison } from './merged-strategy';
import { versionContent } from './version-content';
import { setCompareBuilder, type BuiltComparison, type VersionMode } from './version-mode';
import type { DocumentSession } from '../session/document-session';

export function buildComparison(live: DocumentSession, mode: Extract<VersionMode, { kind: 'compare' }>): BuiltComparison {
  const oldFile = versionContent(live.doc, mode.fromId);
  const now = mode.toId === 'now';
  const newFile = now ? exportStrategy(live.doc) : versionContent(live.doc, mode.toId);
  // The newer side's content as it is at this moment (the live document keeps changing).
  const newState = now ? Y.encodeStateAsUpdate(live.doc) : versionState(live.doc, mode.toId);
  const merged = mergeComparison(oldFile, newFile);
  return {
    summary: summaryText(merged.comparison.summary, currentLanguage()),
    seed: (doc) => {
      if (now) Y.applyUpdate(doc, newState);
      else Y.applyUpdateV2(doc, newState);
      applyMergedComparison(new StrategyModel(doc), merged);
      setCompareMarks(doc, merged.marks);
    },
  };
}

/** `<item id>:<field>` of a rich-text fragment (`@vision:statement` for the vision's), or null. */
function fieldKeyOf(fragment: Y.XmlFragment): string | null {
  const doc = fragment.doc;
  if (!doc) return null;
  if (fragment === doc.getXmlFragment(VISION_STATEMENT)) return `${VISION_ID}:statement`;
  if (fragment === doc.getXmlFragment(VISION_BODY)) return `${VISION_ID}:body`;
  const field = fragment._item?.parentSub;
  const item = fragment._item?.parent;
  const id = item instanceof Y.Map ? item._item?.parentSub : undefined;
  return field && id ? `${id}:${field}` : null;
}

function decorationsOf(marks: TextMark[], size: number): Decoration[] {
  return marks
    .filter((m) => m.from >= 0 && m.to <= size && m.from < m.to)
    .map((m) =>
      m.block
        ? Decoration.node(m.from, m.to, { class: `cmp-block-${m.change}`, 'data-compare': m.change })
        : Decoration.inline(m.from, m.to, { nodeName: m.change === 'inserted' ? 'ins' : 'del', class: `cmp-${m.change}` }),
    );
}

registerEditorPlugins((fragment) => {
  const marks = compareMarksOf(fragment.doc);
  if (!marks) return [];
  const key = fieldKeyOf(fragment);
  const ranges = key ? marks.texts.get(key) : undefined;
  if (!ranges || ranges.length === 0) return [];
  return [
    new Plugin({
      props: {
        // The document is a comparison's (read-only, never edited): the ranges hold for whatever it shows.
        decorations: (state) => DecorationSet.create(state.doc, decorationsOf(ranges, state.doc.content.size)),
      },
    }),
  ];
});

setCompareBuilder(buildComparison);
