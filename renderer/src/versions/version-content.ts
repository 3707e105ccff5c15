// A version's content as an interchange file, for comparing it and for the redline export.
import type * as Y from 'yjs';
import type { StrategyFile } from '../../../shared/format/schema';
import { exportStrategy, migrate } from '../../../shared/model';
import { loadVersion } from '../../../shared/model/versions';

/**
 * A version's content as an interchange file, kept per version: a version never changes, and reading one out of
 * its state is most of a comparison's time on the large strategy (measured: loading and exporting both versions
 * 1.03 s of 1.30 s to the summary, shared/compare's comparison the rest, on the shared 2-core machine).
 */
const versionFiles = new Map<string, StrategyFile>();

export function versionContent(doc: Y.Doc, id: string): StrategyFile {
  const key = `${doc.guid}:${id}`;
  const cached = versionFiles.get(key);
  if (cached) return cached;
  const version = loadVersion(doc, id);
  try {
    migrate(version);
    const file = exportStrategy(version);
    versionFiles.set(key, file);
    return file;
  } finally {
    version.destroy();
  }
}

/** Reads the newest version ahead, while the user looks at the versions (the likely comparison gets fast). */
export function prepareComparison(doc: Y.Doc, versionId: string): void {
  versionContent(doc, versionId);
}

