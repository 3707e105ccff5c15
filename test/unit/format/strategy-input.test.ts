import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  InvalidStrategyError,
  listTemplates,
  loadExample,
  loadStrategyInput,
  loadTemplate,
  readStrategyInput,
  StrategyInputError,
} from '../../../main/host/strategy-input';
import { encodePejlingFile } from '../../../main/storage/pejling-file';
import { createStrategyDoc, importStrategy } from '../../../shared/model';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'pejling-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

function pejlingBytes(strategy: Parameters<typeof importStrategy>[0]): Uint8Array {
  const doc = importStrategy(strategy, createStrategyDoc());
  return encodePejlingFile({
    header: { title: strategy.meta.title, organisation: strategy.meta.organisation, schemaVersion: 1, savedAt: '2026-01-01T00:00:00Z', appVersion: 'test' },
    update: Y.encodeStateAsUpdate(doc),
  });
}

describe('loadStrategyInput', () => {
  it('reads a valid interchange file', async () => {
    const s = await loadStrategyInput(join(root, 'test/fixtures/strategies/minimal.json'));
    expect(s).toEqual(readJson('test/fixtures/strategies/minimal.json'));
  });

  it('refuses an invalid file with every problem as a "path: reason" line', async () => {
    const file = join(dir, 'two-problems.json');
    const s = readJson('test/fixtures/strategies/minimal.json') as { meta: Record<string, unknown>; actionPlans: { initiatives: Record<string, unknown>[] }[] };
    s.meta.title = '';
    s.actionPlans[0]!.initiatives[0]!.status = 'finished';
    writeFileSync(file, JSON.stringify(s));
    const error = await loadStrategyInput(file, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidStrategyError);
    expect((error as Error).message.split('\n')).toEqual([
      'two-problems.json is not a valid Pejling strategy file:',
      '  /meta/title: must not be empty',
      '  /actionPlans/0/initiatives/0/status: must be one of planned, active, done, delayed, cancelled (found "finished")',
    ]);
  });

  it('says clearly when the file is missing, a folder, or not text', async () => {
    await expect(loadStrategyInput(join(dir, 'nope.json'))).rejects.toThrow(/^filen findes ikke: .*nope\.json$/);
    await expect(loadStrategyInput(dir, 'en')).rejects.toThrow(/is a folder, not a file/);
    const binary = join(dir, 'binary.json');
    writeFileSync(binary, new Uint8Array([0xff, 0xfe, 0x00, 0x81]));
    const error = await loadStrategyInput(binary, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrategyInputError);
    expect((error as Error).message).toContain('the file is not UTF-8 text');
  });

  it('reads a .pejling document saved by the app, giving the same strategy back', async () => {
    const kk = await loadExample('kk-2010-2014');
    const file = join(dir, 'kk.pejling');
    writeFileSync(file, pejlingBytes(kk));
    const result = await readStrategyInput(file);
    expect(result.kind).toBe('pejling');
    expect(await loadStrategyInput(file)).toEqual(kk);
  });

  it('round-trips every example and template through a .pejling document', async () => {
    const all = [
      ...(await Promise.all(['kk-2010-2014', 'odder-2006', 'brk-2010'].map((n) => loadExample(n)))),
      ...(await Promise.all(['kk', 'odder', 'brk', 'blank'].map((n) => loadTemplate(n)))),
    ];
    for (const [k, strategy] of all.entries()) {
      const file = join(dir, `round-${k}.pejling`);
      writeFileSync(file, pejlingBytes(strategy));
      expect(await loadStrategyInput(file)).toEqual(strategy);
    }
  });

  it('recognises a .pejling document by its signature, whatever its name', async () => {
    const file = join(dir, 'renamed.json');
    writeFileSync(file, pejlingBytes(await loadTemplate('brk')));
    expect((await readStrategyInput(file)).kind).toBe('pejling');
  });

  it('reports a damaged .pejling document in one line', async () => {
    const bytes = pejlingBytes(await loadTemplate('blank'));
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    const file = join(dir, 'damaged.pejling');
    writeFileSync(file, bytes);
    const error = await loadStrategyInput(file, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrategyInputError);
    expect((error as Error).message).toMatch(/^damaged\.pejling cannot be read: .*damaged.*checksum/);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('templates and examples', () => {
  it('lists the four templates, then the three examples, with Danish titles and descriptions', async () => {
    const list = await listTemplates();
    expect(list.map((t) => `${t.kind}:${t.name}`)).toEqual([
      'template:kk',
      'template:odder',
      'template:brk',
      'template:blank',
      'example:kk-2010-2014',
      'example:odder-2006',
      'example:brk-2010',
    ]);
    for (const t of list) {
      expect(t.title.length).toBeGreaterThan(5);
      expect(t.description.length).toBeGreaterThan(20);
    }
  });

  it('loads every template and example as a valid strategy', async () => {
    for (const name of ['kk', 'odder', 'brk', 'blank']) expect((await loadTemplate(name)).format).toBe('pejling-strategy');
    for (const name of ['kk-2010-2014', 'odder-2006', 'brk-2010']) expect((await loadExample(name)).meta.organisation).not.toBe('');
  });

  it('has the structure each template promises', async () => {
    const kk = await loadTemplate('kk');
    expect(kk.vision.principles).toHaveLength(5);
    expect(kk.perspectives.map((p) => p.focusAreas.length)).toEqual([3, 3, 3, 3, 1]);
    expect(kk.actionPlans?.map((p) => [p.kind, p.period.from, p.period.to, p.initiatives.length])).toEqual([['common', 2010, 2011, 0]]);
    const odder = await loadTemplate('odder');
    expect(odder.vision.bearings).toHaveLength(6);
    expect(odder.labels?.perspective).toBe('Fokusområde');
    expect(odder.perspectives.map((p) => p.principles?.length)).toEqual([6, 7, 5]);
    const brk = await loadTemplate('brk');
    expect(brk.perspectives).toHaveLength(1);
    expect(brk.perspectives[0]?.hidden).toBe(true);
    expect(brk.perspectives[0]?.focusAreas).toHaveLength(4);
    expect(brk.owners?.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Direktionen', 'Digitaliseringsgruppen', 'Systemejer', 'It-afdelingen', 'It-arkitekturudvalget']),
    );
  });

  it('refuses names that are not in the index (no path tricks)', async () => {
    await expect(loadTemplate('../examples/kk-2010-2014')).rejects.toThrow(/ukendt skabelon '..\/examples\/kk-2010-2014'; vælg en af kk, odder, brk, blank/);
    await expect(loadExample('kk', 'en')).rejects.toThrow(/unknown example 'kk'/);
  });

  it('reads templates from another folder when told to (bundled builds)', async () => {
    const { setTemplatesRoot } = await import('../../../main/host/strategy-input');
    const other = join(dir, 'templates');
    mkdirSync(join(other, 'strategies'), { recursive: true });
    mkdirSync(join(other, 'examples'), { recursive: true });
    writeFileSync(join(other, 'strategies/index.json'), JSON.stringify([{ name: 'only', title: 'Kun én', organisation: '', description: 'En enkelt skabelon til test.' }]));
    writeFileSync(join(other, 'examples/index.json'), '[]');
    writeFileSync(join(other, 'strategies/only.json'), readFileSync(join(root, 'test/fixtures/strategies/minimal.json')));
    setTemplatesRoot(other);
    try {
      expect((await listTemplates()).map((t) => t.name)).toEqual(['only']);
      expect((await loadTemplate('only')).meta.organisation).toBe('Testkommune');
    } finally {
      setTemplatesRoot(undefined);
    }
  });
});
