// `pejling check FILE [--json] [--lang da|en]`: the strategy's quality findings (shared/check).
import { checkStrategy } from '../../../shared/check';
import type { Finding } from '../../../shared/check';
import type { Lang } from '../../../shared/format/messages';
import { t } from '../../../shared/i18n/messages';
import { parseCommandArgs, parseLang, printProblems, readInput, singleFile } from './validate';

export const help = `Usage: pejling check FILE [--json] [--lang da|en]

Lists the quality findings of the strategy in FILE (an interchange JSON file or a .pejling
document): focus areas without initiatives, initiatives without owner or focus area, initiatives
outside their plan's period, references to ids that do not exist, and more.

Options:
  --json         print a JSON array of {"code", "severity", "id", "path", "message"} instead of a table
  --lang da|en   language of the messages (default: da)

Exit status:
  0  no finding of severity "error" (warnings alone do not fail)
  1  at least one finding of severity "error" (e.g. dangling-reference), or FILE is not a valid
     strategy file (its problems are printed as with 'pejling validate')
  2  wrong use of the command`;

function table(findings: Finding[], lang: Lang): string[] {
  const severity = (f: Finding): string =>
    t(lang, f.severity === 'error' ? 'check.severity.error' : 'check.severity.warning');
  const rows = findings.map((f) => [severity(f), f.code, f.id, `${f.message} [${f.path}]`]);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] ?? 0) : cell)).join('  '));
}

function summary(findings: Finding[], lang: Lang): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return t(lang, 'check.summary', { errors, warnings });
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, { json: { type: 'boolean' }, lang: { type: 'string' } });
  const lang = parseLang(values.lang);
  const file = singleFile('check', positionals);
  const result = await readInput(file, lang);
  if (!result.ok) {
    // With --json, stdout stays reserved for findings; the problems go to stderr.
    printProblems(file, result.problems, values.json ? console.error : console.log);
    console.error(t(lang, 'check.notChecked', { file }));
    return 1;
  }
  const findings = checkStrategy(result.strategy, lang);
  if (values.json) {
    console.log(JSON.stringify(findings, null, 2));
  } else if (findings.length === 0) {
    console.log(t(lang, 'check.noFindings', { file }));
  } else {
    for (const line of table(findings, lang)) console.log(line);
    console.log(`${file}: ${summary(findings, lang)}`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
