// `pejling new --template <kk|odder|brk|blank> --out FILE.json [--title T] [--organisation O] [--force]`:
// writes a new interchange file from a bundled template.
import { writeFile } from 'node:fs/promises';
import { validateStrategyFile, formatProblem } from '../../../shared/format/validate';
import { loadTemplate, StrategyInputError, templateNames } from '../../host/strategy-input';
import { t } from '../../../shared/i18n/messages';
import { CliError } from '../cli-error';
import { parseCommandArgs, parseLang } from './validate';

export const help = `Usage: pejling new --template <kk|odder|brk|blank> --out FILE.json [options]

Writes a new strategy (interchange JSON) from a template:
  kk      vision with principles, five perspectives, 13 focus areas, an empty common action plan
  odder   vision with six bearings, three fokusområder with architecture principles
  brk     four focus areas directly under the strategy, governance roles as owners
  blank   title, organisation and period only

Options:
  --template NAME       the template (required)
  --out FILE            the file to write (required); an existing file is not overwritten
  --title T             the strategy's title (default: the template's)
  --organisation O      the organisation (default: the template's placeholder)
  --force               overwrite FILE if it exists
  --lang da|en          language of the messages (default: da)

Exit status: 0 written, 1 not written (e.g. FILE exists), 2 wrong use of the command`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('new', args, {
    template: { type: 'string' },
    out: { type: 'string' },
    title: { type: 'string' },
    organisation: { type: 'string' },
    force: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const lang = parseLang(values.lang);
  if (positionals.length > 0) throw new CliError(`'pejling new' takes no FILE argument (use --out FILE): ${positionals.join(' ')}`, 2);
  const names = await templateNames();
  const template = values.template;
  if (typeof template !== 'string') throw new CliError(`--template is required: one of ${names.join(', ')}`, 2);
  const out = values.out;
  if (typeof out !== 'string' || out === '') throw new CliError('--out FILE is required', 2);
  if (!names.includes(template)) throw new CliError(`unknown template '${template}'; choose one of ${names.join(', ')}`, 2);

  let strategy;
  try {
    strategy = await loadTemplate(template, lang);
  } catch (error) {
    if (error instanceof StrategyInputError) throw new CliError(error.message, 1);
    throw error;
  }
  if (typeof values.title === 'string') strategy.meta.title = values.title;
  if (typeof values.organisation === 'string') strategy.meta.organisation = values.organisation;
  // The overrides must still give a valid file (e.g. an empty --title is refused).
  const checked = validateStrategyFile(strategy, lang);
  if (!checked.ok) {
    throw new CliError(checked.problems.map((p) => formatProblem(p)).join('; '), 2);
  }

  const text = JSON.stringify(strategy, null, 2) + '\n';
  try {
    // 'wx' fails if the file exists, so a concurrent writer cannot be overwritten either.
    await writeFile(out, text, { encoding: 'utf8', flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new CliError(t(lang, 'cli.new.exists', { out }), 1);
    }
    if (code === 'ENOENT') throw new CliError(t(lang, 'cli.new.folderMissing', { out }), 1);
    if (code === 'EISDIR') throw new CliError(t(lang, 'input.isFolder', { path: out }), 1);
    throw new CliError(t(lang, 'cli.export.cannotWrite', { out, reason: error instanceof Error ? error.message : String(error) }), 1);
  }
  console.log(t(lang, 'cli.new.created', { out, template, title: strategy.meta.title, organisation: strategy.meta.organisation }));
  return 0;
}
