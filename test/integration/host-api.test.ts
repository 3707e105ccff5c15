// The host behind browser mode, end to end over real HTTP and WebSocket: the Pejling server with the host's API
// routes on a free loopback port, a real data directory, and the app's own sync provider as the client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSummary, TemplateSummary } from '../../shared/bridge';
import { StrategyModel, VISION_ID } from '../../shared/model';
import { ChannelProvider } from '../../shared/sync/channel-provider';
import { createWebSocketChannel, documentSocketUrl } from '../../shared/sync/websocket-channel';
import { createHost, type Host } from '../../main/host/host';
import { createHttpApi } from '../../main/host/http-api';
import { createPejlingServer, type PejlingServer } from '../../main/server/server';

let dataDir: string;
let host: Host;
let server: PejlingServer;

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, init);
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') ? await response.json() : new Uint8Array(await response.arrayBuffer())) as T;
  return { status: response.status, body, headers: response.headers };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pejling-Request': '1' }, body: JSON.stringify(body) });

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pejling-host-'));
  host = await createHost({ dataDir });
  server = await createPejlingServer({ port: 0, rooms: host.rooms, persistence: host.persistence, httpHandler: createHttpApi(host.api) });
});

afterEach(async () => {
  await server.close();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('browser-mode host API', () => {
  it('lists the four templates and three examples with Danish titles', async () => {
    const { status, body } = await api<TemplateSummary[]>('/api/templates');
    expect(status).toBe(200);
    expect(body.filter((t) => t.kind === 'template').map((t) => t.name)).toEqual(['kk', 'odder', 'brk', 'blank']);
    expect(body.filter((t) => t.kind === 'example')).toHaveLength(3);
    expect(body.every((t) => t.title.length > 0 && t.description.length > 0)).toBe(true);
  });

  it('creates documents from a template and an example; they appear in the document list', async () => {
    const created = await api<DocumentSummary>('/api/documents', post({ from: 'template', name: 'odder', title: 'Digitaliseringsstrategi 2027', organisation: 'Testrup Kommune' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Digitaliseringsstrategi 2027', organisation: 'Testrup Kommune', sync: { kind: 'local' } });
    const example = await api<DocumentSummary>('/api/documents', post({ from: 'example', name: 'kk-2010-2014' }));
    expect(example.body.organisation).toMatch(/København/);
    const list = await api<DocumentSummary[]>('/api/documents');
    expect(list.body.map((d) => d.id).sort()).toEqual([created.body.id, example.body.id].sort());
  });

  it('refuses an invalid JSON import with every problem as path: reason, and stores nothing', async () => {
    const text = JSON.stringify({ format: 'pejling-strategy', formatVersion: 1, meta: { title: '', organisation: 'X', period: { from: 'tyve', to: 2020 } }, vision: { statement: 'V' }, perspectives: [] });
    const { status, body } = await api<{ error: string }>('/api/documents', post({ from: 'json', text, fileName: 'dårlig.json' }));
    expect(status).toBe(400);
    expect(body.error).toContain('dårlig.json');
    expect(body.error).toMatch(/\/meta\/title: /);
    expect(body.error).toMatch(/\/meta\/period/);
    expect((await api<DocumentSummary[]>('/api/documents')).body).toEqual([]);
  });

  it('saves a document as .pejling and as JSON, and both open again as the same strategy', async () => {
    const { body: doc } = await api<DocumentSummary>('/api/documents', post({ from: 'example', name: 'brk-2010' }));
    const pejling = await api<Uint8Array>(`/api/documents/${doc.id}/download?format=pejling`);
    expect(pejling.headers.get('content-disposition')).toMatch(/\.pejling/);
    const json = await api<unknown>(`/api/documents/${doc.id}/download?format=json`);
    const reopened = await api<DocumentSummary>('/api/files/open', {
      method: 'POST',
      headers: { 'X-File-Name': encodeURIComponent('Bornholm.pejling'), 'X-Pejling-Request': '1' },
      body: Buffer.from(pejling.body),
    });
    expect(reopened.status).toBe(201);
    expect(reopened.body.title).toBe(doc.title);
    const again = await api<unknown>(`/api/documents/${reopened.body.id}/download?format=json`);
    expect(again.body).toEqual(json.body);
  });

  it('exports the strategy as a Word file, and says which plan is unknown', async () => {
    const { body: doc } = await api<DocumentSummary>('/api/documents', post({ from: 'example', name: 'brk-2010' }));
    const docx = await api<Uint8Array>(`/api/documents/${doc.id}/export-docx`, post({ part: 'strategy' }));
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(Buffer.from(docx.body.subarray(0, 2)).toString()).toBe('PK');
    const unknown = await api<{ error: string }>(`/api/documents/${doc.id}/export-docx`, post({ part: 'plan:findes-ikke' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain('findes-ikke');
  }, 120_000);

  it('opens a file with fields the format does not know, and says which were ignored', async () => {
    const file = { format: 'pejling-strategy', formatVersion: 1, meta: { title: 'T', organisation: 'O', period: { from: 2027, to: 2030 } }, vision: { statement: 'V' }, perspectives: [{ id: 'p', title: 'P', focusAreas: [{ id: 'f', title: 'F', body: 'B', ownerID: 'x' }] }] };
    const { status, body } = await api<DocumentSummary>('/api/documents', post({ from: 'json', text: JSON.stringify(file), fileName: 'andet-værktøj.json' }));
    expect(status).toBe(201);
    expect(body.notice).toBe('andet-værktøj.json blev åbnet, men 1 ukendt felt blev ignoreret: /perspectives/0/focusAreas/0/ownerID.');
  });

  it('refuses API calls from another origin', async () => {
    const { status } = await api<{ error: string }>('/api/documents', { headers: { Origin: 'https://evil.example' } });
    expect(status).toBe(403);
  });

  it('syncs an edit through the document channel, acknowledges it as saved, and renames the list entry', async () => {
    const { body: doc } = await api<DocumentSummary>('/api/documents', post({ from: 'template', name: 'blank' }));
    const ydoc = new Y.Doc();
    const channel = createWebSocketChannel({ url: documentSocketUrl(server.url, doc.id, { pejling: true }), WebSocket });
    const provider = new ChannelProvider(ydoc, channel);
    await provider.whenSynced();
    const model = new StrategyModel(ydoc);
    expect(model.getMeta().title).toBe(doc.title);
    model.updateMeta({ title: 'Ny titel på strategien' });
    model.setRich(VISION_ID, 'statement', 'Borgerne **først**.');
    await provider.whenSaved();
    expect(provider.state.pending).toBe(0);
    provider.destroy();
    // The list picks the new title up from the document shortly after the change.
    await expect
      .poll(async () => (await api<DocumentSummary[]>('/api/documents')).body.find((d) => d.id === doc.id)?.title, { timeout: 5_000 })
      .toBe('Ny titel på strategien');
    const json = await api<{ vision: { statement: string } }>(`/api/documents/${doc.id}/download?format=json`);
    expect(json.body.vision.statement).toBe('Borgerne **først**.');
  });

  it('answers one document by id, 404 with a code for an unknown one', async () => {
    const { body: doc } = await api<DocumentSummary>('/api/documents', post({ from: 'template', name: 'kk', title: 'Én strategi' }));
    const one = await api<DocumentSummary>(`/api/documents/${doc.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: doc.id, title: 'Én strategi', organisation: doc.organisation, sync: { kind: 'local' } });
    const missing = await api<{ error: string; code: string; params: { id: string } }>('/api/documents/findes-ikke');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'document-not-found', params: { id: 'findes-ikke' } });
  });

  it('pushes a rename made in the document to /api/events as documentChanged (no polling needed)', async () => {
    const { body: doc } = await api<DocumentSummary>('/api/documents', post({ from: 'template', name: 'blank' }));
    const events: Array<{ id: string; summary: DocumentSummary | null }> = [];
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/events`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^event: documentChanged\ndata: (.*)$/m.exec(block)?.[1];
          if (data) events.push(JSON.parse(data) as { id: string; summary: DocumentSummary | null });
        }
      }
    })().catch(() => undefined);
    const ydoc = new Y.Doc();
    const provider = new ChannelProvider(ydoc, createWebSocketChannel({ url: documentSocketUrl(server.url, doc.id, { pejling: true }), WebSocket }));
    await provider.whenSynced();
    new StrategyModel(ydoc).updateMeta({ title: 'Omdøbt i dokumentet' });
    await provider.whenSaved();
    provider.destroy();
    // The latest push for the document (its presence is pushed too, as the editor comes and goes).
    await expect.poll(() => events.filter((e) => e.id === doc.id).at(-1)?.summary?.title, { timeout: 5_000 }).toBe('Omdøbt i dokumentet');
    controller.abort();
    await reading;
  });
});
