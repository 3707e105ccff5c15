// The Disposition's numbers: the live document read as the one index of the Word export
// (shared/export/strategy-index.ts: strategyDisposition), so the view shows the chapters and numbers
// the published document has. Rich text is read only where it holds a heading, since only headings
// take part in the outline; everything else comes from the model's lists.
import { useEffect, useState } from 'preact/hooks';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { strategyDisposition, type DispositionEntry, type OutlineSource } from '../../../shared/export/strategy-index';
import type { ProseMirrorDocJSON, Rich } from '../../../shared/format/schema';
import { VISION_ID, type StrategyModel } from '../../../shared/model';
import type { RichField } from '../../../shared/model/types';
import { richSchema } from '../../../shared/richtext/schema';
import type { DocumentSession } from '../session/document-session';

/** True when a fragment has a heading at its top or in a block quote (the only places one is a document heading). */
function holdsHeading(children: (Y.XmlElement | Y.XmlText)[]): boolean {
  return children.some((child) => child instanceof Y.XmlElement && (child.nodeName === 'heading' || (child.nodeName === 'blockquote' && holdsHeading(child.toArray() as (Y.XmlElement | Y.XmlText)[]))));
}

/** A rich field as ProseMirror JSON when it holds a heading; undefined otherwise (or when the item has no such field). */
function headingsOf(model: StrategyModel, id: string, field: RichField): Rich | undefined {
  let fragment: Y.XmlFragment;
  try {
    fragment = model.fragment(id, field);
  } catch {
    return undefined; // a stand-in item (recovered) has no rich text
  }
  if (!holdsHeading(fragment.toArray() as (Y.XmlElement | Y.XmlText)[])) return undefined;
  try {
    return yXmlFragmentToProseMirrorRootNode(fragment, richSchema).toJSON() as ProseMirrorDocJSON;
  } catch {
    return undefined;
  }
}

/** The live document as the index reads a strategy. */
export function modelOutlineSource(model: StrategyModel): OutlineSource {
  const meta = model.getMeta();
  return {
    meta,
    labels: model.getLabels(),
    sections: model.list('section').map((s) => ({ ...s, body: headingsOf(model, s.id, 'body') })),
    vision: {
      statement: headingsOf(model, VISION_ID, 'statement'),
      body: headingsOf(model, VISION_ID, 'body'),
      principles: model.list('principle', VISION_ID),
      bearings: model.list('bearing'),
    },
    perspectives: model.list('perspective').map((p) => ({
      id: p.id,
      title: p.title,
      hidden: p.hidden,
      intro: headingsOf(model, p.id, 'intro'),
      principles: model.list('principle', p.id),
      focusAreas: model.list('focusArea', p.id).map((fa) => ({ id: fa.id, title: fa.title, body: headingsOf(model, fa.id, 'body') })),
    })),
    actionPlans: model.list('actionPlan').map((plan) => ({ id: plan.id, title: plan.title, intro: headingsOf(model, plan.id, 'intro') })),
  };
}

/** The disposition of the live document (headings numbered, as both bundled house styles do). */
export function modelDisposition(model: StrategyModel, numbered = true): DispositionEntry[] {
  return strategyDisposition(modelOutlineSource(model), { numbered });
}

/** True when typing changed only text outside headings: the disposition cannot have changed. */
function outsideHeadings(transaction: Y.Transaction): boolean {
  for (const type of transaction.changed.keys()) {
    if (!(type instanceof Y.XmlText)) return false;
    const parent = type.parent;
    if (!(parent instanceof Y.XmlElement) || parent.nodeName === 'heading') return false;
  }
  return true;
}

/**
 * The disposition, kept up to date: re-read once per frame after a change that can move a heading
 * (structure, titles, a heading typed or made in rich text), and handed on only when it differs, so
 * typing in a paragraph re-renders nothing.
 */
export function useDisposition(session: DocumentSession): DispositionEntry[] {
  const [entries, setEntries] = useState(() => modelDisposition(session.model));
  useEffect(() => {
    let signature = JSON.stringify(entries);
    let frame = 0;
    const refresh = () => {
      frame = 0;
      const next = modelDisposition(session.model);
      const nextSignature = JSON.stringify(next);
      if (nextSignature === signature) return;
      signature = nextSignature;
      setEntries(next);
    };
    refresh();
    const off = session.model.observe((_events, transaction) => {
      if (outsideHeadings(transaction) || frame) return;
      frame = requestAnimationFrame(refresh);
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [session]);
  return entries;
}
