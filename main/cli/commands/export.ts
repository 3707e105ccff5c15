// `pejling export FILE --docx OUT.docx [--style NAME] [--part strategy|plan:<id>|status]`: the
// publishable Word document. Everything that can be wrong with the request (the file, the style,
// the plan id) is found before anything is written, and the document is written atomically, so a
// failed export never leaves a partial OUT.docx.
import path from 'node:path';
import { ExportError, parsePart, type ExportPart } from '../../../shared/export/docx/export-docx';
import { isDate } from '../../../shared/format/dates';
import { t } from '../../../shared/i18n/messages';
import { formatProblem } from '../../../shared/format/validate';
import { exportStrategyDocument } from '../../export/export-document';
import type { PageNumberMode } from '../../export/layout-pass';
import { UnknownStyleError } from '../../export/styles';
import { writeFileAtomic } from '../../export/write-file';
import { t as message } from '../../../shared/i18n/messages';
import { CliError } from '../cli-error';
import { parseCommandArgs, parseLang, readInput, singleFile } from './validate';

export const help = `Usage: pejling export FILE --docx OUT.docx [--style NAME] [--part strategy|plan:<id>|status]

Writes the publishable Word document of the strategy in FILE (an interchange JSON file or a
.pejling document).

Options:
  --docx OUT.docx        the Word file to write (required)
  --style NAME           house style from templates/styles (default: the document's own, else neutral)
  --part PART            strategy (default), plan:<id> (one action plan) or status (status report)
  --as-of YYYY-MM-DD     status report: statuses as of this date (default: the current ones)
  --page-numbers MODE    table of contents page numbers: auto (default: laid out by LibreOffice
                         when installed, else estimated), libreoffice, estimate (Word-like
                         layout estimate, no LibreOffice), or quick (rough, instant)
  --comments             the consultation copy: the open comment threads as Word comments on
                         their text, replies as replies (without it the document has none)
  --lang da|en           language of the messages (default: da)

Exit status:
  0  the document was written
  1  FILE is not a valid strategy, or the style or plan does not exist; nothing is written
  2  wrong use of the command`;

function parsePageNumbers(value: string | boolean | undefined): PageNumberMode {
  if (value === undefined) return 'auto';
  if (value === 'auto' || value === 'libreoffice' || value === 'estimate' || value === 'quick') return value;
  throw new CliError(`--page-numbers must be auto, libreoffice, estimate or quick, not '${String(value)}'`, 2);
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    docx: { type: 'string' },
    style: { type: 'string' },
    part: { type: 'string' },
    'as-of': { type: 'string' },
    'page-numbers': { type: 'string' },
    comments: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const lang = parseLang(values.lang);
  const file = singleFile('export', positionals);
  const out = values.docx;
  if (typeof out !== 'string' || out === '') {
    throw new CliError(t(lang, 'cli.export.needsDocx'), 2);
  }
  if (!out.toLowerCase().endsWith('.docx')) {
    throw new CliError(t(lang, 'cli.export.notDocx', { out }), 2);
  }
  let part: ExportPart;
  const partValue = typeof values.part === 'string' ? values.part : 'strategy';
  try {
    part = parsePart(partValue);
  } catch {
    throw new CliError(t(lang, 'cli.export.unknownPart', { part: partValue }), 2);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !isDate(asOf)) {
    throw new CliError(t(lang, 'cli.export.badAsOf', { value: String(asOf) }), 2);
  }
  const pageNumbers = parsePageNumbers(values['page-numbers']);

  const input = await readInput(file, lang);
  if (!input.ok) {
    const [first] = input.problems;
    const more = input.problems.length - 1;
    throw new CliError(t(lang, 'cli.export.invalidInput', { file, problem: first ? formatProblem(first) : '', more }), 1);
  }

  if (part.startsWith('plan:')) {
    const id = part.slice('plan:'.length);
    const known = (input.strategy.actionPlans ?? []).map((plan) => plan.id);
    if (!known.includes(id)) {
      const list = known.length > 0 ? known.join(', ') : t(lang, 'common.none');
      throw new CliError(t(lang, 'cli.export.unknownPlan', { id, list }), 1);
    }
  }

  let result;
  try {
    result = await exportStrategyDocument(input.strategy, {
      part,
      ...(typeof values.style === 'string' ? { style: values.style } : {}),
      ...(typeof asOf === 'string' ? { asOf } : {}),
      pageNumbers,
      ...(values.comments === true ? { comments: true } : {}),
    });
  } catch (error) {
    if (error instanceof UnknownStyleError) {
      throw new CliError(t(lang, 'cli.export.unknownStyle', { style: error.requested, known: error.known.join(', ') || t(lang, 'common.none') }), 1);
    }
    if (error instanceof ExportError) throw new CliError(error.message, 1);
    throw error;
  }

  try {
    await writeFileAtomic(out, result.bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t(lang, 'cli.export.folderMissing') : (error as Error).message;
    throw new CliError(t(lang, 'cli.export.cannotWrite', { out, reason }), 1);
  }

  if (result.missingDocumentStyle) {
    console.error(t(lang, 'cli.export.missingStyle', { style: result.missingDocumentStyle, used: result.styleName }));
  }
  if (result.estimateFallback) {
    const { reason, length, limit } = result.estimateFallback;
    console.error(t(lang, reason === 'long-running-text' ? 'cli.export.longRunningText' : 'cli.export.tooLargeForLayout', { length, limit }));
  }
  if (result.fallbackReason && pageNumbers === 'auto') {
    console.error(t(lang, 'cli.export.noLibreOffice', { reason: result.fallbackReason }));
  }
  if (result.comments && result.comments.unanchored.length > 0) {
    const ids = result.comments.unanchored;
    console.error(`pejling: ${message(lang, 'comments.word.unanchored', { count: ids.length, ids: ids.join(', ') })}`);
  }
  const facts: string[] = [];
  const layout = result.pageSource === 'measured';
  const n = result.pageCount;
  const pages = t(lang, 'cli.export.pages', { count: n });
  facts.push(layout ? pages : t(lang, 'cli.export.aboutPages', { pages }));
  facts.push(t(lang, 'cli.export.houseStyle', { style: result.styleName }));
  if (result.hasContents) {
    facts.push(
      layout
        ? t(lang, 'cli.export.contentsFromLibreOffice', { verified: result.verified ? 'yes' : 'no' })
        : t(lang, 'cli.export.contentsEstimated', { source: result.pageSource }),
    );
  }
  const shown = path.relative(process.cwd(), out) || out;
  console.log(t(lang, 'cli.export.wrote', { file: shown, facts: facts.join('; ') }));
  return 0;
}
