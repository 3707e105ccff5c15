// Files `pejling import` must refuse: a text file named .docx, a truncated .docx, a password-protected .docx
// (Standard Encryption in a compound file, as Word writes it), an old Word 97–2003 file and an empty one.
// Each is one line on stderr, exit 1, no stack trace, and no output file (an existing one is left as it was).
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptDocx } from '../fixtures/docx/encrypt';
import { makeStrategyDocx } from '../fixtures/docx/make-docx';
import { solbjerg } from '../fixtures/docx/strategies';
import { STACK_LINE } from './cli-helpers';
import { pejling, tempDir } from './export-helpers';

let dir: string;
let good: Buffer;
beforeAll(async () => {
  dir = await tempDir('import-bad');
  good = await makeStrategyDocx(solbjerg, {
    headings: 'danish',
    typedNumbers: true,
    perspectiveLevel: true,
    goalLabel: 'Målsætninger',
    columns: ['Initiativ', 'Indsatsområde', 'Ansvarlig', 'Periode', 'Status', 'Budget'],
    pageLines: 'footer',
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A minimal Word 97–2003 file: a compound file without encryption streams (its header is all a reader sees first). */
function legacyDoc(): Buffer {
  const bytes = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  Buffer.from('WordDocument\0', 'utf16le').copy(bytes, 1024);
  return bytes;
}

const CASES: { name: string; bytes: () => Buffer; message: RegExp }[] = [
  { name: 'a text file named .docx', bytes: () => Buffer.from('Dette er bare tekst, ikke et Word-dokument.\n'), message: /er ikke et Word-dokument \(\.docx\)$/ },
  { name: 'a truncated .docx', bytes: () => good.subarray(0, Math.floor(good.length / 2)), message: /er beskadiget eller ufuldstændig/ },
  { name: 'a password-protected .docx', bytes: () => encryptDocx(good, 'hemmelig'), message: /er beskyttet med adgangskode/ },
  { name: 'a Word 97–2003 .doc', bytes: legacyDoc, message: /gammelt Word 97–2003-dokument/ },
  { name: 'an empty file', bytes: () => Buffer.alloc(0), message: /er tom$/ },
];

describe('pejling import refuses files it cannot read', () => {
  it.each(CASES)('$name: one line, exit 1, no output file', async ({ name, bytes, message }) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.docx`);
    const out = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
    await writeFile(file, bytes());
    const result = await pejling(['import', file, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pejling: /);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an existing output file as it was', async () => {
    const file = path.join(dir, 'truncated-again.docx');
    const out = path.join(dir, 'kept.json');
    await writeFile(file, good.subarray(0, 2000));
    await writeFile(out, '{"kept": true}\n');
    const result = await pejling(['import', file, '--out', out, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/is damaged or incomplete/);
    expect(await readFile(out, 'utf8')).toBe('{"kept": true}\n');
  });

  it('says how to use the command when --out is missing or a level is not a number', async () => {
    const file = path.join(dir, 'good.docx');
    await writeFile(file, good);
    const noOut = await pejling(['import', file]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr.trim()).toBe("pejling: 'pejling import' kræver --out FILE.json");
    const badLevel = await pejling(['import', file, '--out', path.join(dir, 'x.json'), '--perspective-level', 'to']);
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr.trim()).toBe("pejling: --perspective-level must be a number from 0 to 9, not 'to'");
    expect(existsSync(path.join(dir, 'x.json'))).toBe(false);
  });
});
