// Issue 20, "bad files" (items 12-15), through the real `pejling` command: characters Word cannot store,
// rich text nested 20,000 (JSON) and 50,000 (.pejling) levels deep, input that is not a regular file or
// is too large, and a 16 KB title with the layout page-number estimate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importStrategy } from '../../shared/model';
import type { StrategyFile } from '../../shared/format/schema';
import { encodePejlingFile } from '../../main/storage/pejling-file';
import { pejling, repoRoot, STACK_LINE } from './cli-helpers';

const dir = mkdtempSync(join(tmpdir(), 'pejling-cli-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const minimal = (): StrategyFile => JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/strategies/minimal.json'), 'utf8')) as StrategyFile;
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('item 12: characters XML cannot carry are refused with their path', () => {
  it.each([
    ['U+FFFF', '\uffff'],
    ['U+FFFE', '\ufffe'],
    ['U+FDD0', '\ufdd0'],
    ['U+0001', '\u0001'],
    ['U+001B', '\u001b'],
  ])('a title with %s', async (name, character) => {
    const s = minimal();
    s.meta.title = `Strategi ${character}2025`;
    const file = write(`char-${name}.json`, JSON.stringify(s));
    const r = await pejling(['validate', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${file}: /meta/title: contains the character ${name} (character 10), which text may not hold (a control character or non-character that Word cannot store); remove it\n`,
    );
  });

  it('inside rich text, with the path of the text node; tab and line breaks stay allowed', async () => {
    const s = minimal() as unknown as { vision: { statement: unknown }; meta: { subtitle?: string } };
    s.meta.subtitle = 'Linje 1\nLinje 2\r\n\tindrykket';
    s.vision.statement = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ok' }, { type: 'text', text: 'slut\uffff' }] }] };
    const file = write('char-rich.json', JSON.stringify(s));
    const r = await pejling(['validate', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${file}: /vision/statement/content/0/content/1/text: contains the character U+FFFF (character 5), which text may not hold (a control character or non-character that Word cannot store); remove it`,
    ]);
  });
});

describe('item 14: deeply nested rich text gives a clear error, not a stack overflow', () => {
  it('20,000 nested blockquotes in a JSON file', async () => {
    const n = 20_000;
    const deep = '{"type":"doc","content":[' + '{"type":"blockquote","content":['.repeat(n) + '{"type":"paragraph"}' + ']}'.repeat(n) + ']}';
    const s = minimal() as unknown as { vision: { statement: unknown } };
    s.vision.statement = '@@DEEP@@';
    const file = write('deep.json', JSON.stringify(s).replace('"@@DEEP@@"', deep));
    for (const command of ['validate', 'check']) {
      const r = await pejling([command, file, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain(
        `${file}: /vision/statement: the text is nested too deeply (more than 100 levels, such as quotes within quotes or lists within lists); Pejling reads at most 100 levels`,
      );
      expect(r.stdout + r.stderr).not.toMatch(/call stack|internal error/);
    }
  });

  it('50,000 nested elements in a .pejling document', async () => {
    const doc = importStrategy(minimal());
    doc.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('visionStatement');
      for (let i = 0; i < 50_000; i++) {
        const child = new Y.XmlElement('blockquote');
        parent.insert(parent.length, [child]);
        parent = child;
      }
    });
    const file = join(dir, 'deep.pejling');
    writeFileSync(
      file,
      encodePejlingFile({
        header: { title: 'Dyb', organisation: 'Prøve', schemaVersion: 1, savedAt: new Date().toISOString(), appVersion: '0.0.0' },
        update: Y.encodeStateAsUpdate(doc),
      }),
    );
    const r = await pejling(['validate', file, '--lang', 'en']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(
      `pejling: ${file} cannot be read: the text is nested too deeply (more than 100 levels, such as quotes within quotes or lists within lists); Pejling reads at most 100 levels\n`,
    );
  });
});

describe('item 15: only regular files of a bounded size are read', () => {
  it('refuses /dev/zero and a FIFO at once', async () => {
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    // Before: /dev/zero grew without bound and the FIFO blocked forever (the test's timeout catches a hang).
    const [zero, pipe] = await Promise.all([pejling(['validate', '/dev/zero', '--lang', 'en']), pejling(['validate', fifo, '--lang', 'en'])]);
    expect(zero).toEqual({ code: 1, stdout: '', stderr: 'pejling: /dev/zero is not a regular file (but a device, a FIFO or a socket); Pejling reads only files\n' });
    expect(pipe).toEqual({ code: 1, stdout: '', stderr: `pejling: ${fifo} is not a regular file (but a device, a FIFO or a socket); Pejling reads only files\n` });
  });

  it('refuses a file above the size cap with a clear message, before reading it', async () => {
    const file = join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 70 * 1024 * 1024); // sparse: 70 MB without writing them
    const r = await pejling(['export', file, '--docx', join(dir, 'huge.docx'), '--lang', 'en']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `pejling: ${file} is too large (70 MB); Pejling reads files of at most 64 MB\n` });
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('item 13: the layout page-number estimate is bounded', () => {
  it('a 16 KB title falls back to the quick estimate, with a warning (before: 25.7 s in the layout estimate)', async () => {
    const s = minimal();
    s.meta.title = 'Lang titel '.repeat(1490);
    const file = write('long-title.json', JSON.stringify(s));
    const out = join(dir, 'long-title.docx');
    // Its speed is a bench figure; here: the bounded path is the one taken, and says so.
    const r = await pejling(['export', file, '--docx', out, '--page-numbers', 'estimate', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `pejling: the title or organisation is ${s.meta.title.length} characters long (over 1000; it is repeated on every page), so the page numbers were estimated quickly instead of with the layout estimate\n`,
    );
    expect(r.stdout).toMatch(/contents page numbers are estimated \(quick\)/);
  }, 60_000);
});
