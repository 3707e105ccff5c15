// A house style is a file an organisation can supply (templates/styles/<name>.json plus its mark, docs/export.md
// "A house style file, field by field"). Read from a folder of such files as the exporter does
// (main/export/styles.ts), a broken one is refused before anything is exported, with one message naming the file
// and every problem by its path; a good copy with its own mark loads and exports with that mark as decoration.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHouseStyle, listHouseStyles } from '../../main/export/styles';
import { exportDocxDetailed } from '../../shared/export/docx/export-docx';
import { readExample, repoRoot, tempDir } from './export-helpers';

const bundled = path.join(repoRoot, 'templates/styles');
let dir = '';
beforeAll(async () => {
  dir = await tempDir('styles');
  await mkdir(dir, { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const neutral = async () => JSON.parse(await readFile(path.join(bundled, 'neutral.json'), 'utf8')) as Record<string, unknown> & { logo: Record<string, unknown> };

async function styleFile(name: string, value: unknown): Promise<void> {
  await writeFile(path.join(dir, `${name}.json`), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

describe('a house style file an organisation supplies', () => {
  it('loads a copy with its own name and mark, and the export draws the mark as decoration only', async () => {
    const style = { ...(await neutral()), name: 'egen', label: 'Egen stil', logo: { file: 'egen-maerke.png', widthMm: 30, headerWidthMm: 0 } };
    await styleFile('egen', style);
    await copyFile(path.join(repoRoot, 'test/fixtures/images/logo.png'), path.join(dir, 'egen-maerke.png'));
    expect(await listHouseStyles(dir)).toContain('egen');
    const loaded = await loadHouseStyle('egen', dir);
    expect(loaded.style.label).toBe('Egen stil');
    expect(loaded.logo).toMatchObject({ widthPx: 480, heightPx: 240 });
    const { bytes } = await exportDocxDetailed(await readExample('brk-2010'), { part: 'strategy', style: loaded.style, logo: loaded.logo! });
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<wp:docPr id="1" name="Logo"><a:extLst[^>]*><a:ext [^>]*><adec:decorative [^>]*val="1"\/>/);
  });

  it('refuses a broken file with every problem by its path, naming the file', async () => {
    const style = await neutral();
    (style.sizes as Record<string, unknown>).body = 40;
    (style.colours as Record<string, unknown>).text = 'sort';
    delete (style as Record<string, unknown>).fonts;
    style.name = 'brudt';
    await styleFile('brudt', style);
    const error = await loadHouseStyle('brudt', dir).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`House style ${path.join(dir, 'brudt.json')} is invalid:`);
    expect(message).toContain('/colours/text: a colour as six hex digits, like "1F4E79"');
    expect(message).toMatch(/\/sizes\/body: [^;]*14/);
    expect(message).toMatch(/\/fonts: /);
  });

  it('says what is wrong with JSON that does not parse, a name that is not the file\'s, and a mark that is missing or no PNG', async () => {
    await styleFile('syntaks', '{ "name": "syntaks", ');
    await expect(loadHouseStyle('syntaks', dir)).rejects.toThrow(/House style .*syntaks\.json cannot be read: /);
    await styleFile('andet', { ...(await neutral()), name: 'noget-andet' });
    await expect(loadHouseStyle('andet', dir)).rejects.toThrow(/is named 'noget-andet'; the file name says 'andet'/);
    await styleFile('uden', { ...(await neutral()), name: 'uden', logo: { file: 'findes-ikke.png', widthMm: 30, headerWidthMm: 0 } });
    await expect(loadHouseStyle('uden', dir)).rejects.toThrow(/logo .*findes-ikke\.png is missing/);
    await copyFile(path.join(repoRoot, 'test/fixtures/images/photo.jpg'), path.join(dir, 'foto.png'));
    await styleFile('jpeg', { ...(await neutral()), name: 'jpeg', logo: { file: 'foto.png', widthMm: 30, headerWidthMm: 0 } });
    await expect(loadHouseStyle('jpeg', dir)).rejects.toThrow(/logo .*foto\.png is not a PNG image/);
    await expect(loadHouseStyle('findes-ikke', dir)).rejects.toThrow(/Unknown house style 'findes-ikke'\. Known styles: /);
  });
});
