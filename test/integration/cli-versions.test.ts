// `pejling versions FILE.pejling` and `FILE.pejling@<name>` on real files, through the real command line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StrategyFile } from '../../shared/format/schema';
import { StrategyModel, importStrategy } from '../../shared/model';
import { saveVersion } from '../../shared/model/versions';
import { encodePejlingFile } from '../../main/storage/pejling-file';
import { pejling, repoRoot } from './cli-helpers';

let dir: string;
let file: string;
let json: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pejling-cli-versions-'));
  const strategy = JSON.parse(readFileSync(join(repoRoot, 'templates/examples/kk-2010-2014.json'), 'utf8')) as StrategyFile;
  const doc = importStrategy(strategy);
  const model = new StrategyModel(doc);
  const area = model.list('focusArea')[0]!;
  model.update('focusArea', area.id, { title: 'Udkastets overskrift' });
  saveVersion(doc, { name: 'Høringsudkast', milestone: 'consultation', author: 'Anne Jensen', created: '2010-03-12T10:00:00.000Z' });
  model.update('focusArea', area.id, { title: 'Den vedtagne overskrift' });
  saveVersion(doc, { name: 'Vedtaget', milestone: 'adopted', author: 'Bo Holm', created: '2010-06-02T12:30:00.000Z' });
  saveVersion(doc, { name: 'Arbejdskopi', author: 'Bo Holm', created: '2010-07-01T08:00:00.000Z' });
  model.update('focusArea', area.id, { title: 'Efter vedtagelsen' });
  file = join(dir, 'strategi.pejling');
  writeFileSync(
    file,
    encodePejlingFile({
      header: { title: strategy.meta.title, organisation: strategy.meta.organisation, schemaVersion: 2, savedAt: new Date().toISOString(), appVersion: '0.0.0' },
      update: Y.encodeStateAsUpdate(doc),
    }),
  );
  json = join(dir, 'strategi.json');
  writeFileSync(json, JSON.stringify(strategy));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pejling versions', () => {
  it('lists name, milestone, author and time, oldest first', async () => {
    const r = await pejling(['versions', file], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^Navn\s+Milepæl\s+Forfatter\s+Tidspunkt$/);
    expect(lines[1]).toMatch(/^Høringsudkast\s+I høring\s+Anne Jensen\s+12\. marts 2010/);
    expect(lines[2]).toMatch(/^Vedtaget\s+Vedtaget\s+Bo Holm\s+2\. juni 2010/);
    expect(lines[3]).toMatch(/^Arbejdskopi\s+–\s+Bo Holm\s+1\. juli 2010/);
    expect(lines[4]).toBe(`${file}: 3 versioner`);
  });

  it('--json and --lang en', async () => {
    const r = await pejling(['versions', file, '--json'], dir);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; milestone?: string; author: string; created: string }[];
    expect(list.map((v) => [v.name, v.milestone, v.author, v.created])).toEqual([
      ['Høringsudkast', 'consultation', 'Anne Jensen', '2010-03-12T10:00:00.000Z'],
      ['Vedtaget', 'adopted', 'Bo Holm', '2010-06-02T12:30:00.000Z'],
      ['Arbejdskopi', undefined, 'Bo Holm', '2010-07-01T08:00:00.000Z'],
    ]);
    const en = await pejling(['versions', file, '--lang', 'en'], dir);
    expect(en.stdout).toMatch(/^Høringsudkast\s+In consultation\s+Anne Jensen\s+12 March 2010/m);
  });

  it('a JSON file has no versions: said so, exit 1', async () => {
    const r = await pejling(['versions', json], dir);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(`pejling: ${json} er en strategifil (JSON); kun et Pejling-dokument (.pejling) har versioner\n`);
  });
});

describe('FILE.pejling@<name>', () => {
  it('validate and check read the named version', async () => {
    expect((await pejling(['validate', `${file}@Høringsudkast`], dir)).code).toBe(0);
    const check = await pejling(['check', `${file}@Vedtaget`, '--json'], dir);
    expect(check.stdout.startsWith('[')).toBe(true);
  });

  it("export writes the version's content, not the current one", async () => {
    const out = join(dir, 'hoering.docx');
    const r = await pejling(['export', `${file}@Høringsudkast`, '--docx', out, '--page-numbers', 'quick'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain('Udkastets overskrift');
    expect(text).not.toContain('Den vedtagne overskrift');
    expect(text).not.toContain('Efter vedtagelsen');
  });

  it('an unknown name is an error naming the versions there are', async () => {
    const r = await pejling(['validate', `${file}@Endelig`], dir);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(`pejling: ${file} har ingen version ved navn 'Endelig'; versionerne er: 'Høringsudkast', 'Vedtaget', 'Arbejdskopi'\n`);
    const en = await pejling(['validate', `${file}@Endelig`, '--lang', 'en'], dir);
    expect(en.stderr).toBe(`pejling: ${file} has no version named 'Endelig'; the versions are: 'Høringsudkast', 'Vedtaget', 'Arbejdskopi'\n`);
  });

  it('@name on a JSON file, and on a missing file, say what is wrong', async () => {
    const r = await pejling(['validate', `${json}@Vedtaget`], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`pejling: ${json}@Vedtaget: kun et Pejling-dokument (.pejling) har versioner; ${json} er en strategifil (JSON)\n`);
    const missing = await pejling(['validate', join(dir, 'nope.pejling@Vedtaget')], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`pejling: filen findes ikke: ${join(dir, 'nope.pejling')}\n`);
  });

  it('a file whose own name holds an "@" is read as it is', async () => {
    const odd = join(dir, 'strategi@kopi.json');
    writeFileSync(odd, readFileSync(json));
    expect((await pejling(['validate', odd], dir)).code).toBe(0);
  });
});
