// Recently opened files (.pejling / .json), kept in the user-data folder and mirrored to the OS recent list.
import { app } from 'electron';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT = 10;

function storePath(): string {
  return join(app.getPath('userData'), 'recent-documents.json');
}

export function readRecentDocuments(): string[] {
  try {
    const value: unknown = JSON.parse(readFileSync(storePath(), 'utf8'));
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, LIMIT) : [];
  } catch {
    return [];
  }
}

export function addRecentDocument(path: string): string[] {
  const list = [path, ...readRecentDocuments().filter((p) => p !== path)].slice(0, LIMIT);
  const tmp = `${storePath()}.tmp`;
  writeFileSync(tmp, JSON.stringify(list, null, 2));
  renameSync(tmp, storePath());
  app.addRecentDocument(path);
  return list;
}

export function clearRecentDocuments(): void {
  writeFileSync(storePath(), '[]');
  app.clearRecentDocuments();
}
