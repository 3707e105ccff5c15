// The app's "Eksportér Word med forslag", through the host over real HTTP: a document opened from an
// interchange file with pending suggestions is exported with `suggestions: true` (the Word file named
// "… - med forslag.docx" holds them as tracked changes by their authors) and without (the published
// text); the app's JSON download carries them on (format version 3). The export runs without
// LibreOffice's page-number pass (PEJLING_SOFFICE=none): that is the CLI test's.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/bridge';
import { createHost, type Host } from '../../main/host/host';
import { createHttpApi } from '../../main/host/http-api';
import { createPejlingServer, type PejlingServer } from '../../main/server/server';
import { repoRoot, run, squash } from './export-helpers';

let dataDir: string;
let work: string;
let host: Host;
let server: PejlingServer;
let doc: DocumentSummary;
let fixtureText: string;
const previousSoffice = process.env.PEJLING_SOFFICE;

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, init);
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') ? await response.json() : new Uint8Array(await response.arrayBuffer())) as T;
  return { status: response.status, body, headers: response.headers };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pejling-Request': '1' }, body: JSON.stringify(body) });

async function pandoc(bytes: Uint8Array, to: 'html' | 'plain', changes: 'all' | 'accept' | 'reject'): Promise<string> {
  const file = join(work, `${changes}-${Math.random().toString(36).slice(2)}.docx`);
  await writeFile(file, bytes);
  const result = await run('pandoc', ['-f', 'docx', '-t', to, '--wrap=none', `--track-changes=${changes}`, file]);
  expect(result.code, result.stderr).toBe(0);
  return to === 'plain' ? squash(result.stdout) : result.stdout;
}

beforeAll(async () => {
  process.env.PEJLING_SOFFICE = 'none';
  dataDir = mkdtempSync(join(tmpdir(), 'pejling-suggestions-host-'));
  work = await mkdtemp(join(tmpdir(), 'pejling-suggestions-host-files-'));
  host = await createHost({ dataDir });
  server = await createPejlingServer({ port: 0, rooms: host.rooms, persistence: host.persistence, httpHandler: createHttpApi(host.api) });
  fixtureText = await readFile(join(repoRoot, 'test/fixtures/strategies/with-suggestions.json'), 'utf8');
  const created = await api<DocumentSummary>('/api/documents', post({ from: 'json', text: fixtureText, fileName: 'with-suggestions.json' }));
  expect(created.status).toBe(201);
  doc = created.body;
}, 300_000);

afterAll(async () => {
  if (previousSoffice === undefined) delete process.env.PEJLING_SOFFICE;
  else process.env.PEJLING_SOFFICE = previousSoffice;
  await server?.close();
  await host?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (work) await rm(work, { recursive: true, force: true });
});

describe('exportDocx with suggestions (the app’s "Eksportér Word med forslag")', () => {
  it('writes the pending suggestions as tracked changes by their authors, in a file named "med forslag"', async () => {
    const response = await api<Uint8Array>(`/api/documents/${doc.id}/export-docx`, post({ part: 'strategy', suggestions: true }));
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('Digital omstilling 2026-2029 - med forslag.docx');
    const html = await pandoc(response.body, 'html', 'all');
    const byBo = [...html.matchAll(/<span class="(insertion|deletion)" data-author="Bo Lind"[^>]*>([^<]*)<\/span>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(byBo).toEqual([
      'deletion: Selvbetjening',
      'insertion: Selvbetjening på borgernes præmisser',
      'deletion: hurtigt',
      'insertion: enkelt og trygt',
      'insertion: og offentliggør resultatet',
      'deletion: Selvbetjening med MitID',
      'insertion: Selvbetjening med MitID og digital fuldmagt',
    ]);
    expect(await pandoc(response.body, 'plain', 'accept')).toContain('ærinder enkelt og trygt på nettet');
  }, 300_000);

  it('without the option the document is the published text, with no pending insertion', async () => {
    const response = await api<Uint8Array>(`/api/documents/${doc.id}/export-docx`, post({ part: 'strategy' }));
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).not.toContain('med forslag');
    const text = await pandoc(response.body, 'plain', 'all');
    expect(text).toContain('ærinder hurtigt på nettet');
    expect(text).toContain('Papirblanketter udfases.');
    expect(text).not.toContain('enkelt og trygt');
    expect(text).not.toContain('offentliggør');
  }, 300_000);

  it('the JSON download carries the suggestions on: version 3, the same marks and authors as the file opened', async () => {
    const json = (await api<Record<string, unknown>>(`/api/documents/${doc.id}/download?format=json`)).body;
    expect(json).toEqual(JSON.parse(fixtureText));
  }, 300_000);

  it('refuses suggestions together with a redline, with a code', async () => {
    const both = await api<{ code: string; params: Record<string, string> }>(`/api/documents/${doc.id}/export-docx`, post({ part: 'strategy', suggestions: true, compare: { name: 'X', oldJson: fixtureText } }));
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ code: 'invalid-argument', params: { reason: 'suggestions' } });
  }, 300_000);
});
