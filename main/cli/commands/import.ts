// `pejling import FILE.docx --out FILE.json [--perspective-level N] [--focus-area-level N] [--lang da|en]`:
// a strategy written in Word, with its structure recognised, as an interchange file; the import report says
// what went where. A file that is not a readable Word document is refused with one line (exit 1) and
// nothing is written; the output is written atomically, so a failed import never leaves a partial file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../../../shared/format/messages';
import { formatReport } from '../../../shared/import/report';
import { t } from '../../../shared/i18n';
import { writeFileAtomic } from '../../export/write-file';
import { ImportInvalidError, importDocx } from '../../import/import-docx';
import { WordImportError } from '../../import/read-docx';
import { CliError } from '../cli-error';
import { parseCommandArgs, parseLang, singleFile } from './validate';

export const help = `Usage: pejling import FILE.docx --out FILE.json [--perspective-level N] [--focus-area-level N]

Reads a strategy written in Word (.docx) and writes it as a Pejling interchange file, with its
structure recognised: free sections, the vision with its principles or bearings, perspectives,
focus areas with their goals, action plans with their initiatives and owners. Prints the import
report (what went where, what was set aside).

Options:
  --out FILE.json          the interchange file to write (required)
  --perspective-level N    headings at level N are perspectives; 0: the strategy has no
                           perspective level (its focus areas stand under one chapter)
  --focus-area-level N     headings at level N are focus areas
  --lang da|en             language of the messages and of the words the import adds (default: da)

Exit status:
  0  the file was written
  1  FILE is not a readable Word document; nothing is written
  2  wrong use of the command`;

function level(name: string, value: string | boolean | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= 9)) throw new CliError(`--${name} must be a number from ${min} to 9, not '${String(value)}'`, 2);
  return n;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    out: { type: 'string' },
    'perspective-level': { type: 'string' },
    'focus-area-level': { type: 'string' },
    lang: { type: 'string' },
  });
  const lang: Lang = parseLang(values.lang);
  const file = singleFile('import', positionals);
  const out = values.out;
  if (typeof out !== 'string' || out === '') throw new CliError(t(lang, 'cli.import.needsOut'), 2);
  const perspectiveLevel = level('perspective-level', values['perspective-level'], 0);
  const focusAreaLevel = level('focus-area-level', values['focus-area-level'], 1);
  if (perspectiveLevel !== undefined && focusAreaLevel !== undefined && perspectiveLevel > 0 && focusAreaLevel <= perspectiveLevel) {
    throw new CliError('--focus-area-level must be deeper than --perspective-level', 2);
  }

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? t(lang, 'cli.import.noSuchFile', { file }) : `${file}: ${(error as Error).message}`, 1);
  }
  let result;
  try {
    result = await importDocx(bytes, {
      ...(perspectiveLevel !== undefined ? { perspectiveLevel } : {}),
      ...(focusAreaLevel !== undefined ? { focusAreaLevel } : {}),
      fileName: path.basename(file),
      lang,
    });
  } catch (error) {
    if (error instanceof WordImportError) throw new CliError(t(lang, 'host.error.word-import', { reason: error.reason, file }), 1);
    if (error instanceof ImportInvalidError) throw new CliError(t(lang, 'wordImport.error.invalid', { file, problem: error.problem }), 1);
    throw error;
  }
  for (const line of formatReport(result.report, lang)) console.log(line);
  await writeFileAtomic(out, new TextEncoder().encode(`${JSON.stringify(result.strategy, null, 2)}\n`));
  console.log(t(lang, 'cli.import.wrote', { out }));
  return 0;
}
