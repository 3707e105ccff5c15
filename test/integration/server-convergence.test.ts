// Many people editing the same strategy at once: 20 clients typing concurrently converge to identical
// documents, and a client that was offline for 1,000 edits merges with nothing lost.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, appClient, sleep, startTestServer, stockClient, waitFor, type TestServer } from './server-helpers';

afterAll(removeTempDirs);

let server: TestServer | null = null;
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server?.stop();
  server = null;
});

/** A small deterministic PRNG so failures can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('convergence', () => {
  it('20 clients × 50 concurrent edits converge to identical documents, with every insert kept', async () => {
    server = await startTestServer();
    const clients = Array.from({ length: 20 }, (_, i) =>
      // Half stock y-websocket clients, half the app's own provider.
      i % 2 === 0 ? stockClient(server!.wsUrl, 'konvergens') : appClient(server!.server.url, 'konvergens'),
    );
    for (const client of clients) cleanups.push(client.destroy);
    await waitFor(
      () => clients.every((c) => ('synced' in c.provider && c.provider.synced === true) || ('state' in c.provider && c.provider.state.synced)),
      { message: 'all clients synced' },
    );

    const random = prng(2026);
    // Each client types in bursts, interleaved with the others: it inserts a unique marker at a marker
    // boundary, and now and then deletes one of its own earlier markers (concurrent deletes and inserts).
    const markers = new Set<string>();
    const deleted = new Set<string>();
    for (let round = 0; round < 50; round++) {
      clients.forEach((client, index) => {
        const text = client.doc.getText('indsatsomraade');
        if (round > 0 && random() < 0.15) {
          const victim = `[${index}:${Math.floor(random() * round)}]`;
          const at = text.toString().indexOf(victim);
          if (at >= 0 && !deleted.has(victim)) {
            text.delete(at, victim.length);
            deleted.add(victim);
          }
        }
        const marker = `[${index}:${round}]`;
        markers.add(marker);
        const position = Math.floor(random() * (text.length + 1));
        const boundary = text.toString().lastIndexOf(']', position - 1) + 1;
        text.insert(boundary, marker);
      });
      if (round % 10 === 9) await sleep(5);
    }
    expect(deleted.size).toBeGreaterThan(50);

    const expected = () => clients[0]!.doc.getText('indsatsomraade').toString();
    await waitFor(() => clients.every((c) => c.doc.getText('indsatsomraade').toString() === expected()), {
      timeout: 30_000,
      message: 'all 20 documents identical',
    });
    const final = expected();
    let length = 0;
    for (const marker of markers) {
      if (deleted.has(marker)) {
        expect(final).not.toContain(marker);
      } else {
        expect(final).toContain(marker);
        length += marker.length;
      }
    }
    expect(final.length).toBe(length);
  });

  it('a client offline for 1,000 edits merges with the others’ concurrent edits, nothing lost', async () => {
    server = await startTestServer();
    const offline = appClient(server.server.url, 'offline');
    const online = [appClient(server.server.url, 'offline'), stockClient(server.wsUrl, 'offline')];
    cleanups.push(offline.destroy, ...online.map((c) => c.destroy));
    await offline.provider.whenSynced();
    offline.doc.getText('t').insert(0, 'Vision: ');
    await offline.provider.whenSaved();
    await waitFor(() => online.every((c) => c.doc.getText('t').toString() === 'Vision: '));

    // The train enters the tunnel.
    offline.channel.close();
    await waitFor(() => offline.provider.state.status === 'closed');
    const offlineText = offline.doc.getText('t');
    for (let i = 0; i < 1000; i++) offlineText.insert(offlineText.length, `o${i};`);
    expect(offline.provider.state.pending).toBe(1000); // every offline edit is pending

    // Meanwhile the others edit the same text.
    for (let i = 0; i < 200; i++) {
      const client = online[i % 2]!;
      const text = client.doc.getText('t');
      text.insert(i % 3 === 0 ? 0 : text.length, `n${i};`);
    }
    await waitFor(() => online[0]!.doc.getText('t').toString() === online[1]!.doc.getText('t').toString(), {
      message: 'online clients agree',
    });

    // Back online: the channel reconnects and the provider resyncs.
    offline.channel.reconnect();
    await offline.provider.whenSaved();
    const all = [offline, ...online];
    await waitFor(() => all.every((c) => c.doc.getText('t').toString() === offlineText.toString()), {
      timeout: 20_000,
      message: 'all three converge',
    });
    const final = offlineText.toString();
    for (let i = 0; i < 1000; i++) expect(final).toContain(`o${i};`);
    for (let i = 0; i < 200; i++) expect(final).toContain(`n${i};`);
    expect(final).toContain('Vision: ');
    // The offline run stays in order (one person's typing is not interleaved with itself).
    expect(final.indexOf('o0;')).toBeLessThan(final.indexOf('o999;'));
    expect(offline.provider.state.pending).toBe(0);
  });
});
