// The offline counter counts changes as a person does: typing in one field without a pause is one change,
// however many Yjs updates it makes; another field or a pause starts the next. Whether anything is unsaved
// is still exact per update (PendingTracker.pending).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChangeGroups } from '../../../shared/sync/change-groups';
import { PendingTracker } from '../../../shared/sync/pending-tracker';

/** A document shaped like Pejling's: a map of fields, rich text in an XML fragment, plain values. */
function strategyDoc() {
  const doc = new Y.Doc();
  const meta = doc.getMap('meta');
  const vision = new Y.XmlFragment();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('')]);
  vision.insert(0, [paragraph]);
  meta.set('vision', vision);
  meta.set('title', 'Digital kommune');
  const goal = new Y.Text('');
  meta.set('goal', goal);
  return { doc, meta, text: paragraph.get(0) as Y.XmlText, goal };
}

/** Records, per local update, whether it starts a new change (as ChannelProvider does). */
function record(doc: Y.Doc, groups: ChangeGroups): boolean[] {
  const starts: boolean[] = [];
  doc.on('update', (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => starts.push(groups.startsNewChange(tr)));
  return starts;
}

describe('ChangeGroups', () => {
  it('counts a sentence typed into one rich-text field as one change, another field as the next', () => {
    const { doc, meta, text, goal } = strategyDoc();
    let now = 1000;
    const starts = record(doc, new ChangeGroups(3000, () => now));
    for (const char of 'Skrevet uden net.') {
      text.insert(text.length, char);
      now += 120;
    }
    expect(starts).toHaveLength(17);
    expect(starts.filter(Boolean)).toHaveLength(1);
    // A plain value in the same map is another field; so is a Y.Text under another key.
    meta.set('title', 'Digital kommune 2027');
    meta.set('title', 'Digital kommune 2028');
    goal.insert(0, 'Mål');
    goal.insert(3, ' 1');
    expect(starts.slice(17)).toEqual([true, false, true, false]);
  });

  it('a field whose text is created by the first keystroke and then typed into is one change', () => {
    const { doc, meta } = strategyDoc();
    const starts = record(doc, new ChangeGroups(3000, () => 0));
    const subtitle = new Y.Text('W');
    meta.set('subtitle', subtitle);
    subtitle.insert(1, 'ritten');
    expect(starts).toEqual([true, false]);
  });

  it('starts a new change after a pause in the same field', () => {
    const { doc, text } = strategyDoc();
    let now = 0;
    const starts = record(doc, new ChangeGroups(3000, () => now));
    text.insert(0, 'a');
    now += 2999;
    text.insert(1, 'b');
    now += 3000;
    text.insert(2, 'c');
    expect(starts).toEqual([true, false, true]);
  });
});

describe('PendingTracker changes', () => {
  it('counts pending changes, not updates, and a change continued after it was saved counts again', () => {
    const tracker = new PendingTracker();
    tracker.connectionOpened();
    tracker.messageSent('step2');
    tracker.savedReceived(1);
    // 5 keystrokes in one field, then 3 in another: 8 updates, 2 changes.
    for (let i = 0; i < 8; i++) {
      tracker.localEdit(i === 0 || i === 5);
      tracker.messageSent('update');
    }
    expect(tracker.pending).toBe(8);
    expect(tracker.changes).toBe(2);
    tracker.savedReceived(1 + 5);
    expect(tracker.pending).toBe(3);
    expect(tracker.changes).toBe(1);
    tracker.savedReceived(1 + 8);
    expect(tracker.pending).toBe(0);
    expect(tracker.changes).toBe(0);
    // Typing on in the same field: the saved change has new unsaved edits, that is one change again.
    tracker.localEdit(false);
    expect(tracker.pending).toBe(1);
    expect(tracker.changes).toBe(1);
  });

  it('a change saved before going offline is not counted again when a new one starts', () => {
    const tracker = new PendingTracker();
    tracker.connectionOpened();
    tracker.messageSent('step2');
    for (let i = 0; i < 4; i++) {
      tracker.localEdit(i === 0);
      tracker.messageSent('update');
    }
    tracker.savedReceived(5);
    expect(tracker.changes).toBe(0);
    // Offline now: nothing is sent or acknowledged; a new sentence after a pause is one change.
    for (let i = 0; i < 18; i++) tracker.localEdit(i === 0);
    expect(tracker.pending).toBe(18);
    expect(tracker.changes).toBe(1);
  });

  it('settles changes made offline only with the next acknowledged sync step 2', () => {
    const tracker = new PendingTracker();
    tracker.localEdit(true);
    tracker.localEdit(false);
    tracker.localEdit(true);
    expect(tracker.changes).toBe(2);
    tracker.connectionOpened();
    tracker.messageSent('update');
    tracker.savedReceived(1);
    expect(tracker.changes).toBe(2);
    tracker.messageSent('step2');
    tracker.savedReceived(2);
    expect(tracker.changes).toBe(0);
  });
});
