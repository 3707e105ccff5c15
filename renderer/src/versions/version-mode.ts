// What the document screen shows instead of the live document: a saved version (read-only), or a
// comparison of two (a version with another, or with now). One mode per open document, kept here so the
// versions panel, the banner and the document screen agree; the screen renders the mode's session with the
// same views as the live one.
import { useEffect, useState } from 'preact/hooks';
import * as Y from 'yjs';
import { findVersion, versionState, type VersionInfo } from '../../../shared/model/versions';
import { getBridge } from '../bridge/get-bridge';
import { DocumentSession } from '../session/document-session';
import { staticChannel } from './static-channel';
import { t } from '../i18n/i18n';
import { showToast } from '../ui/toasts';

export type VersionMode = { kind: 'version'; versionId: string } | { kind: 'compare'; fromId: string; toId: string | 'now' };

export interface ShownVersion {
  mode: VersionMode;
  /** A read-only session over the version's (or the comparison's) content. */
  session: DocumentSession;
  /** The version shown, or the older side of the comparison. */
  version: VersionInfo;
  /** The newer side of a comparison (absent: now). */
  to?: VersionInfo;
  /** Stable per mode: the screen remounts its views when it changes. */
  key: string;
  /** A comparison's summary in words ("3 indsatsområder ændret, 1 tilføjet, 2 initiativer fjernet"). */
  summary?: string;
}

/** Builds the content of a comparison (./compare-mode.ts registers it; kept apart so this module stays small). */
export interface BuiltComparison {
  summary: string;
  /** Fills the session's (empty) doc with the comparison's content and registers its marks (looked up by doc). */
  seed: (doc: Y.Doc) => void;
}
type CompareBuilder = (live: DocumentSession, mode: Extract<VersionMode, { kind: 'compare' }>) => BuiltComparison;
let compareBuilder: CompareBuilder | null = null;
export function setCompareBuilder(builder: CompareBuilder): void {
  compareBuilder = builder;
}
/** Loads ./compare-mode.ts (which sets the builder) the first time a comparison is shown: issue 18, not in the first bundle. */
let compareLoader: (() => Promise<unknown>) | null = null;
export function setCompareLoader(load: () => Promise<unknown>): void {
  compareLoader = load;
}

const modes = new Map<string, VersionMode | null>();
const listeners = new Set<() => void>();

export function showVersionMode(documentId: string, mode: VersionMode | null): void {
  modes.set(documentId, mode);
  for (const listener of [...listeners]) listener();
}

export function versionModeOf(documentId: string): VersionMode | null {
  return modes.get(documentId) ?? null;
}

function keyOf(mode: VersionMode): string {
  return mode.kind === 'version' ? `version:${mode.versionId}` : `compare:${mode.fromId}:${mode.toId}`;
}

/** The version (or comparison) to show instead of `live`, once its session has its content; null: the live document. */
export function useShownVersion(live: DocumentSession): ShownVersion | null {
  const [mode, setMode] = useState<VersionMode | null>(() => versionModeOf(live.documentId));
  const [shown, setShown] = useState<ShownVersion | null>(null);

  useEffect(() => {
    const update = () => setMode(versionModeOf(live.documentId));
    listeners.add(update);
    update();
    return () => {
      listeners.delete(update);
    };
  }, [live]);

  useEffect(() => {
    if (!mode) {
      setShown(null);
      return;
    }
    let cancelled = false;
    let session: DocumentSession | null = null;
    const open = () => {
      try {
        const version = findVersion(live.doc, mode.kind === 'version' ? mode.versionId : mode.fromId);
        const to = mode.kind === 'compare' && mode.toId !== 'now' ? findVersion(live.doc, mode.toId) : undefined;
        let built: BuiltComparison | undefined;
        if (mode.kind === 'compare') {
          if (!compareBuilder) throw new Error('comparison is not available');
          built = compareBuilder(live, mode);
        }
        const seed = built ? built.seed : (doc: Y.Doc) => Y.applyUpdateV2(doc, versionState(live.doc, version.id));
        const opened = new DocumentSession(live.documentId, getBridge(), { channel: staticChannel(), seed });
        session = opened;
        const summary = built?.summary;
        void opened.whenSynced().then(() => {
          if (!cancelled) setShown({ mode, session: opened, version, ...(to ? { to } : {}), ...(summary !== undefined ? { summary } : {}), key: keyOf(mode) });
        });
      } catch (error) {
        showToast({ message: t('versions.compareFailed', { reason: error instanceof Error ? error.message : String(error) }), tone: 'error' }, 12_000);
        showVersionMode(live.documentId, null);
      }
    };
    if (mode.kind === 'compare' && !compareBuilder && compareLoader) {
      compareLoader().then(
        () => !cancelled && open(),
        (error: unknown) => {
          if (cancelled) return;
          showToast({ message: t('versions.compareFailed', { reason: error instanceof Error ? error.message : String(error) }), tone: 'error' }, 12_000);
          showVersionMode(live.documentId, null);
        },
      );
    } else open();
    return () => {
      cancelled = true;
      session?.destroy();
      setShown(null);
    };
  }, [live, mode && keyOf(mode)]);

  return shown;
}
