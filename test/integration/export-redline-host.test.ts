// The app's redline ("Eksportér ændringer siden <version>"), through the host over real HTTP: a document is
// edited through the sync channel after a named version was saved, and the host's exportDocx with a compare
// option writes the current content with the changes since that version (given by its id, or as the old
// interchange JSON) as tracked changes; pandoc accepting them reads the current text, rejecting them the
// version's. Bad requests are refused with a code. (LibreOffice's page-number pass is the CLI test's; here
// the export runs without it, PEJLING_SOFFICE=none, to keep the test short; the timeouts are guards for a loaded machine.)
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/bridge';
import { StrategyModel } from '../../shared/model';
import { saveVersion } from '../../shared/model/versions';
import { ChannelProvider } from '../../shared/sync/channel-provider';
import { createWebSocketChannel, documentSocketUrl } from '../../shared/sync/websocket-channel';
import { createHost, type Host } from '../../main/host/host';
import { createHttpApi } from '../../main/host/http-api';
import { createPejlingServer, type PejlingServer } from '../../main/server/server';
import { run, squash } from './export-helpers';

let dataDir: string;
let work: string;
let host: Host;
let server: PejlingServer;
let doc: DocumentSummary;
let versionId: string;
let versionJson: string;
/** The export against the version (test 1), compared with the one against the JSON (test 2). */
let byVersion: Uint8Array | undefined;
const previousSoffice = process.env.PEJLING_SOFFICE;

const OLD_TITLE = 'Attraktive digitale løsninger til alle';
const NEW_TITLE = 'Trygge digitale løsninger til alle';
const NEW_GOAL = 'Alle nye løsninger er testet med borgere.';

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, init);
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') ? await response.json() : new Uint8Array(await response.arrayBuffer())) as T;
  return { status: response.status, body, headers: response.headers };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pejling-Request': '1' }, body: JSON.stringify(body) });

async function pandoc(bytes: Uint8Array, changes: 'accept' | 'reject'): Promise<string> {
  const file = join(work, `${changes}-${Math.random().toString(36).slice(2)}.docx`);
  await writeFile(file, bytes);
  const result = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', `--track-changes=${changes}`, file]);
  expect(result.code, result.stderr).toBe(0);
  return squash(result.stdout);
}

beforeAll(async () => {
  process.env.PEJLING_SOFFICE = 'none';
  dataDir = mkdtempSync(join(tmpdir(), 'pejling-redline-host-'));
  work = await mkdtemp(join(tmpdir(), 'pejling-redline-host-files-'));
  host = await createHost({ dataDir });
  server = await createPejlingServer({ port: 0, rooms: host.rooms, persistence: host.persistence, httpHandler: createHttpApi(host.api) });
  doc = (await api<DocumentSummary>('/api/documents', post({ from: 'example', name: 'kk-2010-2014' }))).body;
  versionJson = JSON.stringify((await api<unknown>(`/api/documents/${doc.id}/download?format=json`)).body);

  // A co-editor saves "Høringsudkast", then renames a focus area and adds a goal.
  const ydoc = new Y.Doc();
  const provider = new ChannelProvider(ydoc, createWebSocketChannel({ url: documentSocketUrl(server.url, doc.id, { pejling: true }), WebSocket }));
  await provider.whenSynced();
  versionId = saveVersion(ydoc, { name: 'Høringsudkast', milestone: 'consultation', author: 'Line Jensen' }).id;
  const model = new StrategyModel(ydoc);
  const focusArea = model.list('focusArea').find((f) => f.title === OLD_TITLE);
  expect(focusArea).toBeDefined();
  model.update('focusArea', focusArea!.id, { title: NEW_TITLE });
  model.add('goal', { focusAreaId: focusArea!.id, text: NEW_GOAL });
  await provider.whenSaved();
  provider.destroy();
}, 300_000);

afterAll(async () => {
  if (previousSoffice === undefined) delete process.env.PEJLING_SOFFICE;
  else process.env.PEJLING_SOFFICE = previousSoffice;
  await server?.close();
  await host?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (work) await rm(work, { recursive: true, force: true });
});

describe('exportDocx with a compare option (the app’s redline)', () => {
  it('against a named version: the current content with the changes since it, in a file named after it', async () => {
    const response = await api<Uint8Array>(`/api/documents/${doc.id}/export-docx`, post({ part: 'strategy', compare: { name: 'Høringsudkast', version: versionId, author: 'Line Jensen' } }));
    expect(response.status).toBe(200);
    byVersion = response.body;
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('- ændringer siden Høringsudkast.docx');
    const accepted = await pandoc(response.body, 'accept');
    const rejected = await pandoc(response.body, 'reject');
    expect(accepted).toContain(NEW_TITLE);
    expect(accepted).toContain(NEW_GOAL);
    expect(accepted).not.toContain(OLD_TITLE);
    expect(rejected).toContain(OLD_TITLE);
    expect(rejected).not.toContain(NEW_GOAL);
  }, 300_000);

  it('against the old content as interchange JSON: the same changes', async () => {
    expect(byVersion).toBeDefined();
    const byJson = await api<Uint8Array>(`/api/documents/${doc.id}/export-docx`, post({ part: 'strategy', compare: { name: 'Høringsudkast', oldJson: versionJson } }));
    expect(byJson.status).toBe(200);
    expect(await pandoc(byJson.body, 'reject')).toBe(await pandoc(byVersion!, 'reject'));
    expect(await pandoc(byJson.body, 'accept')).toBe(await pandoc(byVersion!, 'accept'));
  }, 300_000);

  it('refuses invalid old content, an unknown version and a part other than the strategy, with a code', async () => {
    const invalid = await api<{ code: string; params: Record<string, string> }>(`/api/documents/${doc.id}/export-docx`, post({ part: 'strategy', compare: { name: 'Gammel.json', oldJson: '{"format": "pejling-strategy"}' } }));
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'invalid-file', params: { name: 'Gammel.json' } });
    expect(invalid.body.params.problems).toMatch(/formatVersion|meta/);
    const unknown = await api<{ code: string }>(`/api/documents/${doc.id}/export-docx`, post({ part: 'strategy', compare: { name: 'X', version: 'findes-ikke' } }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('version-not-found');
    const part = await api<{ code: string }>(`/api/documents/${doc.id}/export-docx`, post({ part: 'status', compare: { name: 'X', oldJson: versionJson } }));
    expect(part.status).toBe(400);
    expect(part.body.code).toBe('invalid-argument');
    const both = await api<{ code: string }>(`/api/documents/${doc.id}/export-docx`, post({ part: 'strategy', compare: { name: 'X', oldJson: versionJson, version: versionId } }));
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('invalid-argument');
  }, 300_000);
});
