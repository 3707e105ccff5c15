// `pejling versions FILE.pejling [--json] [--lang da|en]`: the document's named versions, oldest first.
import { formatDateTime } from '../../../shared/i18n/format';
import { t } from '../../../shared/i18n/messages';
import { strategyStatusLabel } from '../../../shared/i18n/vocabulary';
import { listVersions } from '../../../shared/model/versions';
import { readInputBytes } from '../read-input';
import { pejlingDocument } from '../version-input';
import { parseCommandArgs, parseLang, singleFile } from './validate';

export const help = `Usage: pejling versions FILE.pejling [--json] [--lang da|en]

Lists the named versions saved in a Pejling document ("Gem version" in the app), oldest first:
name, milestone, author and time. A version is read elsewhere as FILE.pejling@<name>, e.g.
  pejling export strategi.pejling@Høringsudkast --docx hoering.docx

Options:
  --json         print a JSON array of {"id", "name", "milestone", "author", "created"}
  --lang da|en   language of the messages (default: da)

Exit status:
  0  the versions were listed (also when there are none)
  1  FILE cannot be read or is not a .pejling document
  2  wrong use of the command`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('versions', args, { json: { type: 'boolean' }, lang: { type: 'string' } });
  const lang = parseLang(values.lang);
  const file = singleFile('versions', positionals);
  const doc = pejlingDocument(await readInputBytes(file, lang), file, undefined, lang);
  const versions = listVersions(doc);
  doc.destroy();
  if (values.json) {
    console.log(JSON.stringify(versions.map(({ bytes: _bytes, ...v }) => v), null, 2));
    return 0;
  }
  if (versions.length === 0) {
    console.log(t(lang, 'versions.cli.none', { file }));
    return 0;
  }
  const rows = [
    t(lang, 'versions.cli.header').split('\t'),
    ...versions.map((v) => [v.name, v.milestone ? strategyStatusLabel(v.milestone, lang) : '–', v.author || '–', formatDateTime(v.created, lang)]),
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const row of rows) console.log(row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] ?? 0) : cell)).join('  '));
  console.log(`${file}: ${t(lang, 'versions.cli.count', { count: versions.length })}`);
  return 0;
}
