// The consultation copy: `pejling export FILE --docx OUT --comments` writes each OPEN thread as a Word
// comment on its text, replies as replies, with author, initials and date; without --comments there are
// none. Read back three ways: the .docx parts themselves, pandoc (--track-changes=all shows comments as
// spans) and LibreOffice (converted to flat ODF, where comments are office:annotation elements).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/bridge';
import type { StrategyFile } from '../../shared/format/schema';
import { createHost } from '../../main/host/host';
import { createHttpApi } from '../../main/host/http-api';
import { createPejlingServer } from '../../main/server/server';
import { docxPart, pejling, repoRoot, run, tempDir } from './export-helpers';

let dir: string;
let withComments: string;
let plain: string;
let edge: string;
let edgeRun: { code: number; stderr: string };

const fixture = path.join(repoRoot, 'test/fixtures/strategies/with-comments.json');

/** The file with threads on the hard cases: across two paragraphs, overlapping, a repeated quote, bold text, an owner. */
async function edgeStrategy(): Promise<StrategyFile> {
  const s = JSON.parse(await readFile(fixture, 'utf8')) as StrategyFile;
  const area = s.perspectives[0]!.focusAreas[0]!;
  area.body = 'Vi digitaliserer **det, der giver** mest værdi.\n\nVærdi måles hvert år. Værdi for borgerne først.';
  const message = (id: string, author: string, text: string) => ({ id, author, date: '2026-04-01T10:00:00+02:00', text });
  s.comments = [
    { id: 't-span', target: { id: 'fa-1', field: 'body', quote: 'mest værdi.\nVærdi måles' }, messages: [message('m-span', 'Eva Nørgaard', 'To afsnit, én kommentar.')] },
    { id: 't-outer', target: { id: 'fa-1', field: 'body', quote: 'digitaliserer det, der giver' }, messages: [message('m-outer', 'Frank Ib', 'Ydre.')] },
    { id: 't-inner', target: { id: 'fa-1', field: 'body', quote: 'det, der' }, messages: [message('m-inner', 'Gitte Å', 'Indre, overlapper.')] },
    { id: 't-twice', target: { id: 'fa-1', field: 'body', quote: 'Værdi' }, messages: [message('m-twice', 'Hans Ulf', 'Første forekomst.')] },
    { id: 't-gone', target: { id: 'i-1', field: 'description', quote: 'tekst, der ikke findes' }, messages: [message('m-gone', 'Ida Ravn', 'Citatet er væk.')] },
    { id: 't-owner', target: { id: 'o-1' }, messages: [message('m-owner', 'Jens Kok', 'Står på en ansvarlig.')] },
  ];
  return s;
}

beforeAll(async () => {
  dir = await tempDir('export-comments');
  withComments = path.join(dir, 'with-comments.docx');
  plain = path.join(dir, 'plain.docx');
  edge = path.join(dir, 'edge.docx');
  const edgeJson = path.join(dir, 'edge.json');
  await writeFile(edgeJson, JSON.stringify(await edgeStrategy()));
  const [a, b, c] = await Promise.all([
    pejling(['export', fixture, '--docx', withComments, '--comments', '--page-numbers', 'quick']),
    pejling(['export', fixture, '--docx', plain, '--page-numbers', 'quick']),
    pejling(['export', edgeJson, '--docx', edge, '--comments', '--page-numbers', 'quick', '--lang', 'en']),
  ]);
  for (const r of [a, b, c]) expect(r.code, r.stderr).toBe(0);
  edgeRun = c;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface WordComment {
  id: string;
  author: string;
  initials: string;
  date: string;
  text: string;
  paraId: string;
}

const decode = (xml: string) =>
  xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => decode(new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? '');

async function wordComments(docx: string): Promise<WordComment[]> {
  const xml = await docxPart(docx, 'word/comments.xml');
  return [...xml.matchAll(/<w:comment ([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((m) => ({
    id: attr(m[1]!, 'w:id'),
    author: attr(m[1]!, 'w:author'),
    initials: attr(m[1]!, 'w:initials'),
    date: attr(m[1]!, 'w:date'),
    text: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''),
    paraId: attr(m[2]!, 'w14:paraId'),
  }));
}

/** The document's text inside each comment range (paragraph ends as "\n"), by comment id. */
async function anchoredText(docx: string): Promise<Map<string, string>> {
  const xml = await docxPart(docx, 'word/document.xml');
  const open = new Map<string, string>();
  const done = new Map<string, string>();
  for (const m of xml.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>|<w:commentRangeEnd w:id="(\d+)"\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)) {
    if (m[1] !== undefined) open.set(m[1], '');
    else if (m[2] !== undefined) {
      done.set(m[2], open.get(m[2]) ?? '');
      open.delete(m[2]);
    } else {
      const text = m[3] !== undefined ? decode(m[3]) : '\n';
      for (const [id, sofar] of open) open.set(id, sofar + text);
    }
  }
  expect([...open.keys()], 'every range that starts also ends').toEqual([]);
  return done;
}

describe('pejling export --comments', () => {
  it('comments.xml holds every message of each open thread with author, initials and date; nothing of the resolved one', async () => {
    const comments = await wordComments(withComments);
    expect(comments.map((c) => [c.author, c.initials, c.text])).toEqual([
      ['Anna Holm', 'AH', 'Kan vi love "altid"? Forslag: døgnåben.'],
      ['Bo Lind', 'BL', 'Enig, døgnåben er mere præcist.'],
      ['Carla Friis', 'CF', 'Hvilke løsninger gælder det? Alle?'],
      ['Dorte Kjær', 'DK', 'Titlen bør nævne virksomheder.'],
      ['Anna Holm', 'AH', 'Målsætningen skal kunne måles.'],
    ]);
    // The moment of the file (09:15 in Copenhagen, UTC+1) is kept.
    expect(new Date(comments[0]!.date).toISOString()).toBe('2026-03-02T08:15:00.000Z');
    expect(comments.map((c) => c.text).join(' ')).not.toMatch(/Er KL med|aftalt på mødet/);
  });

  it('a reply is a reply: commentsExtended.xml links it to the thread it answers', async () => {
    const comments = await wordComments(withComments);
    const extended = await docxPart(withComments, 'word/commentsExtended.xml');
    const parentOf = new Map([...extended.matchAll(/<w15:commentEx ([^>]*)\/>/g)].map((m) => [attr(m[1]!, 'w15:paraId'), attr(m[1]!, 'w15:paraIdParent')]));
    const [question, answer, ...others] = comments;
    expect(parentOf.get(answer!.paraId)).toBe(question!.paraId);
    expect(parentOf.get(question!.paraId)).toBe('');
    for (const c of others) expect(parentOf.get(c.paraId)).toBe('');
  });

  it('each comment is anchored on its quoted text; threads on an item sit on its title', async () => {
    const comments = await wordComments(withComments);
    const anchors = await anchoredText(withComments);
    const byText = (text: string) => anchors.get(comments.find((c) => c.text === text)!.id);
    expect(byText('Kan vi love "altid"? Forslag: døgnåben.')).toBe('altid åben');
    expect(byText('Enig, døgnåben er mere præcist.')).toBe('altid åben');
    expect(byText('Hvilke løsninger gælder det? Alle?')).toBe('Selvbetjening skal virke på mobilen.');
    expect(byText('Titlen bør nævne virksomheder.')).toBe('Selvbetjening');
    expect(byText('Målsætningen skal kunne måles.')).toBe('Flere digitale ansøgninger.');
    // Every comment is referenced from the text once.
    const document = await docxPart(withComments, 'word/document.xml');
    for (const c of comments) expect(document.match(new RegExp(`<w:commentReference w:id="${c.id}"/>`, 'g'))).toHaveLength(1);
  });

  it('pandoc --track-changes=all reads each comment with its author around the quoted text', async () => {
    const r = await run('pandoc', ['--track-changes=all', '--wrap=none', '-f', 'docx', '-t', 'html', withComments]);
    expect(r.code, r.stderr).toBe(0);
    const html = r.stdout.replace(/\s+/g, ' ');
    const starts = [...html.matchAll(/<span class="comment-start" id="(\d+)" data-author="([^"]*)"[^>]*>([\s\S]*?)<\/span>/g)];
    expect(starts.map((m) => m[2])).toEqual(expect.arrayContaining(['Anna Holm', 'Bo Lind', 'Carla Friis', 'Dorte Kjær']));
    expect(starts).toHaveLength(5);
    // The text between a comment's start and its end is the quote.
    const between = (id: string) => {
      const from = html.indexOf(`class="comment-start" id="${id}"`);
      const end = html.indexOf(`<span class="comment-end" id="${id}"`, from);
      const afterStart = html.indexOf('</span>', from) + '</span>'.length;
      return html.slice(afterStart, end).replace(/<[^>]+>/g, '').trim();
    };
    const carla = starts.find((m) => m[2] === 'Carla Friis')!;
    expect(between(carla[1]!)).toBe('Selvbetjening skal virke på mobilen.');
  });

  it('LibreOffice reads each comment as an annotation with its author, around the quoted text', async () => {
    const profile = await tempDir('lo-profile');
    try {
      const r = await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'fodt', '--outdir', dir, withComments]);
      expect(r.code, r.stderr).toBe(0);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
    const odf = await readFile(path.join(dir, 'with-comments.fodt'), 'utf8');
    const annotations = [...odf.matchAll(/<office:annotation office:name="([^"]+)"[^>]*>([\s\S]*?)<\/office:annotation>/g)].map((m) => ({
      name: m[1]!,
      creator: /<dc:creator>([^<]*)<\/dc:creator>/.exec(m[2]!)?.[1],
      text: decode((m[2]!.match(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g) ?? []).map((p) => p.replace(/<[^>]+>/g, '')).join('')),
      end: m.index! + m[0].length,
    }));
    expect(annotations.map((a) => a.creator).sort()).toEqual(['Anna Holm', 'Anna Holm', 'Bo Lind', 'Carla Friis', 'Dorte Kjær']);
    const carla = annotations.find((a) => a.creator === 'Carla Friis')!;
    expect(carla.text).toBe('Hvilke løsninger gælder det? Alle?');
    const rangeEnd = odf.indexOf(`<office:annotation-end office:name="${carla.name}"/>`, carla.end);
    expect(odf.slice(carla.end, rangeEnd).replace(/<[^>]+>/g, '')).toBe('Selvbetjening skal virke på mobilen.');
  }, 120_000);

  it('without --comments the published document has no comments at all', async () => {
    const listing = await run('unzip', ['-l', plain]);
    expect(listing.stdout).not.toContain('word/comments.xml');
    const document = await docxPart(plain, 'word/document.xml');
    expect(document).not.toMatch(/commentRangeStart|commentReference/);
    const r = await run('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'html', plain]);
    expect(r.stdout).not.toContain('comment-start');
    // The text itself is the same as in the consultation copy.
    expect(document).toContain('Selvbetjening skal virke på mobilen.');
  });

  it('a quote across two paragraphs, overlapping quotes, a repeated quote and bold text are all anchored exactly', async () => {
    const comments = await wordComments(edge);
    const anchors = await anchoredText(edge);
    const on = (text: string) => anchors.get(comments.find((c) => c.text === text)!.id);
    expect(on('To afsnit, én kommentar.')).toBe('mest værdi.\nVærdi måles');
    expect(on('Ydre.')).toBe('digitaliserer det, der giver');
    expect(on('Indre, overlapper.')).toBe('det, der');
    // "Værdi" occurs twice in the field (and "værdi" once more): the first occurrence, in the second paragraph.
    const document = await docxPart(edge, 'word/document.xml');
    const twice = comments.find((c) => c.text === 'Første forekomst.')!;
    expect(on('Første forekomst.')).toBe('Værdi');
    const start = document.indexOf(`<w:commentRangeStart w:id="${twice.id}"/>`);
    const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text(document.slice(0, start)).endsWith('mest værdi.')).toBe(true);
    // A quote no longer in its field: the comment spans the whole field.
    expect(on('Citatet er væk.')).toBe('Vi bygger en ny selvbetjeningsløsning sammen med KL.');
  });

  it('a thread on something the document does not show is left out, and the command says so', async () => {
    const comments = await wordComments(edge);
    expect(comments.map((c) => c.text)).not.toContain('Står på en ansvarlig.');
    expect(edgeRun.stderr).toContain('1 open comment thread is on something this part of the document does not show, and left out: t-owner');
  });
});

describe('the app\'s "Høringsudgave med kommentarer" (exportDocx with comments, over the browser-mode HTTP API)', () => {
  it('a document made from the file exports its open threads as Word comments with them, and none without', async () => {
    const dataDir = await tempDir('host-comments');
    const host = await createHost({ dataDir });
    const server = await createPejlingServer({ port: 0, rooms: host.rooms, persistence: host.persistence, httpHandler: createHttpApi(host.api) });
    try {
      const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pejling-Request': '1' }, body: JSON.stringify(body) });
      const created = await fetch(`${server.url}/api/documents`, post({ from: 'json', text: await readFile(fixture, 'utf8'), fileName: 'høring.json' }));
      expect(created.status).toBe(201);
      const doc = (await created.json()) as DocumentSummary;
      const save = async (body: unknown, name: string): Promise<{ file: string; disposition: string }> => {
        const response = await fetch(`${server.url}/api/documents/${doc.id}/export-docx`, post(body));
        expect(response.status).toBe(200);
        const file = path.join(dir, name);
        await writeFile(file, new Uint8Array(await response.arrayBuffer()));
        return { file, disposition: decodeURIComponent(response.headers.get('content-disposition') ?? '') };
      };
      const consultation = await save({ part: 'strategy', comments: true }, 'app-consultation.docx');
      const published = await save({ part: 'strategy' }, 'app-published.docx');
      expect((await wordComments(consultation.file)).map((c) => c.author).sort()).toEqual(['Anna Holm', 'Anna Holm', 'Bo Lind', 'Carla Friis', 'Dorte Kjær']);
      expect(consultation.disposition).toContain('høringsudgave');
      expect((await run('unzip', ['-l', published.file])).stdout).not.toContain('word/comments.xml');
      expect(published.disposition).not.toContain('høringsudgave');
      // A thread whose quote is not in its field is kept on the field, and opening the file says so.
      const moved = JSON.parse(await readFile(fixture, 'utf8')) as StrategyFile;
      moved.comments![1]!.target.quote = 'Selvbetjening skal virke på uret.';
      const opened = await fetch(`${server.url}/api/files/open`, {
        method: 'POST',
        headers: { 'X-File-Name': encodeURIComponent('flyttet.json'), 'X-Pejling-Request': '1' },
        body: JSON.stringify(moved),
      });
      expect(opened.status, await opened.clone().text()).toBe(201);
      expect(((await opened.json()) as DocumentSummary).notice).toBe(
        'flyttet.json blev åbnet, men 1 kommentartråd citerer tekst, der ikke findes i dens felt; den står på feltet uden markering.',
      );
    } finally {
      await server.close();
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
