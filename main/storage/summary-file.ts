// `documents/<id>/summary.json`: what the document list shows without opening the Yjs log.
import { readFile } from 'node:fs/promises';
import { isOutOfHandles } from './file-pool';
import { StorageError, type StoredOrigin, type StoredRemote, type StoredSummary, type SummaryPatch } from './types';

export const SUMMARY_FILE = 'summary.json';
const SUMMARY_VERSION = 1;

interface SummaryJson {
  summaryVersion: number;
  title: string;
  organisation: string;
  created: string;
  modified: string;
  remote?: StoredRemote;
  origin?: StoredOrigin;
  period?: { from: number; to: number };
  status?: string;
}

export function encodeSummary(summary: StoredSummary): string {
  const json: SummaryJson = {
    summaryVersion: SUMMARY_VERSION,
    title: summary.title,
    organisation: summary.organisation,
    created: summary.created,
    modified: summary.modified,
    ...(summary.remote ? { remote: summary.remote } : {}),
    ...(summary.origin ? { origin: summary.origin } : {}),
    ...(summary.period ? { period: summary.period } : {}),
    ...(summary.status ? { status: summary.status } : {}),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * Reads a summary; a missing or unreadable file yields defaults (the Yjs log is the truth; the summary is only
 * a cache for the list), so one bad file never hides the whole list.
 */
export async function readSummary(id: string, path: string, fallbackTime: string): Promise<StoredSummary> {
  let parsed: Partial<SummaryJson>;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<SummaryJson>;
    if (typeof parsed !== 'object' || parsed === null) parsed = {};
  } catch (error) {
    // Out of file handles is not a bad summary: the caller retries (file-pool.ts).
    if (isOutOfHandles(error)) throw error;
    parsed = {};
  }
  const summary: StoredSummary = {
    id,
    title: typeof parsed.title === 'string' ? parsed.title : '',
    organisation: typeof parsed.organisation === 'string' ? parsed.organisation : '',
    created: typeof parsed.created === 'string' ? parsed.created : fallbackTime,
    modified: typeof parsed.modified === 'string' ? parsed.modified : fallbackTime,
  };
  const remote = parsed.remote;
  if (remote && typeof remote === 'object' && typeof remote.url === 'string') summary.remote = cleanRemote(remote);
  // Cached facts for the list: a malformed one is left out, never a reason to hide the document.
  if (isOrigin(parsed.origin)) summary.origin = { kind: parsed.origin.kind, source: parsed.origin.source };
  if (isPeriod(parsed.period)) summary.period = { from: parsed.period.from, to: parsed.period.to };
  if (typeof parsed.status === 'string') summary.status = parsed.status;
  return summary;
}

/** Applies a caller's patch after checking its types; says which field is wrong. */
export function applySummaryPatch(summary: StoredSummary, patch: SummaryPatch, modified: string): StoredSummary {
  if (typeof patch !== 'object' || patch === null) throw invalid('the summary patch must be an object');
  const next: StoredSummary = { ...summary, modified };
  if (patch.title !== undefined) {
    if (typeof patch.title !== 'string') throw invalid('title must be a string');
    next.title = patch.title;
  }
  if (patch.organisation !== undefined) {
    if (typeof patch.organisation !== 'string') throw invalid('organisation must be a string');
    next.organisation = patch.organisation;
  }
  if (patch.remote === null) {
    delete next.remote;
  } else if (patch.remote !== undefined) {
    const remote = patch.remote;
    if (typeof remote !== 'object' || typeof remote.url !== 'string' || remote.url === '') throw invalid('remote.url must be a non-empty string');
    if (remote.token !== undefined && typeof remote.token !== 'string') throw invalid('remote.token must be a string');
    if (remote.role !== undefined && remote.role !== 'editor' && remote.role !== 'commenter' && remote.role !== 'viewer') {
      throw invalid('remote.role must be "editor", "commenter" or "viewer"');
    }
    next.remote = cleanRemote(remote);
  }
  if (patch.origin !== undefined) {
    if (!isOrigin(patch.origin)) throw invalid('origin must be { kind: "template" | "example" | "json" | "file", source: string }');
    next.origin = { kind: patch.origin.kind, source: patch.origin.source };
  }
  if (patch.period !== undefined) {
    if (!isPeriod(patch.period)) throw invalid('period must be { from: year, to: year }');
    next.period = { from: patch.period.from, to: patch.period.to };
  }
  if (patch.status === null) delete next.status;
  else if (patch.status !== undefined) {
    if (typeof patch.status !== 'string') throw invalid('status must be a string');
    next.status = patch.status;
  }
  return next;
}

function cleanRemote(remote: StoredRemote): StoredRemote {
  const out: StoredRemote = { url: remote.url };
  if (typeof remote.token === 'string') out.token = remote.token;
  if (remote.role === 'editor' || remote.role === 'commenter' || remote.role === 'viewer') out.role = remote.role;
  return out;
}

function isOrigin(value: unknown): value is StoredOrigin {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, source } = value as Record<string, unknown>;
  return (kind === 'template' || kind === 'example' || kind === 'json' || kind === 'file') && typeof source === 'string';
}

function isPeriod(value: unknown): value is { from: number; to: number } {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to } = value as Record<string, unknown>;
  return Number.isInteger(from) && Number.isInteger(to);
}

function invalid(why: string): StorageError {
  return new StorageError('invalid-input', `Invalid document summary: ${why}.`);
}
