// `pejling export FILE --docx OUT.docx [--style NAME] [--part strategy|plan:<id>|status]`: the
// publishable Word document. Everything that can be wrong with the request (the file, the style,
// the plan id) is found before anything is written, and the document is written atomically, so a
// failed export never leaves a partial OUT.docx.
import path from 'node:path';
import { compareStrategies } from '../../../shared/compare/compare';
import { summaryText } from '../../../shared/compare/summary';
import { ExportError, parsePart, type ExportPart, type RedlineOptions } from '../../../shared/export/docx/export-docx';
import { isDate } from '../../../shared/format/dates';
import type { Lang } from '../../../shared/format/messages';
import type { StrategyFile } from '../../../shared/format/schema';
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
       pejling export FILE --pdf OUT.pdf [--docx OUT.docx] [options as above]
       pejling export NEW --docx OUT.docx --compare-with OLD [--author NAME] [--date YYYY-MM-DD]

Writes the publishable Word document of the strategy in FILE (an interchange JSON file or a
.pejling document). With --compare-with, the document of NEW whose differences from OLD are Word
tracked changes (a redline): "Accept all" gives NEW, "Reject all" gives OLD.

Options:
  --docx OUT.docx        the Word file to write (this or --pdf is required)
  --pdf OUT.pdf          the tagged PDF/UA to write (needs LibreOffice): title, language, bookmarks,
                         embedded fonts, the same verified page numbers as the Word file
  --style NAME           house style from templates/styles (default: the document's own, else neutral)
  --part PART            strategy (default), plan:<id> (one action plan) or status (status report)
  --as-of YYYY-MM-DD     status report: statuses as of this date (default: the current ones)
  --page-numbers MODE    table of contents page numbers: auto (default: laid out by LibreOffice
                         when installed, else estimated), libreoffice, estimate (Word-like
                         layout estimate, no LibreOffice), or quick (rough, instant)
  --comments             the consultation copy: the open comment threads as Word comments on
                         their text, replies as replies (without it the document has none)
  --suggestions          "med forslag": the pending suggestions as Word tracked changes by their
                         authors (without it the document shows the text without them)
  --lang da|en           language of the messages (default: da)
  --verbose              one more line on stderr: how LibreOffice laid the document out, and the times
  --compare-with OLD     redline against OLD (an interchange JSON file or a .pejling document,
                         FILE.pejling@<version> for a named version); the whole strategy only
  --author NAME          who the tracked changes are by (default: NEW's "prepared by", else its
                         organisation)
  --date YYYY-MM-DD      when they were made (default: NEW's date, else today)

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
    pdf: { type: 'string' },
    style: { type: 'string' },
    part: { type: 'string' },
    'as-of': { type: 'string' },
    'page-numbers': { type: 'string' },
    comments: { type: 'boolean' },
    suggestions: { type: 'boolean' },
    lang: { type: 'string' },
    'compare-with': { type: 'string' },
    author: { type: 'string' },
    date: { type: 'string' },
    verbose: { type: 'boolean' },
  });
  const lang = parseLang(values.lang);
  const file = singleFile('export', positionals);
  const out = values.docx;
  const pdfOut = values.pdf;
  if (pdfOut !== undefined && (typeof pdfOut !== 'string' || !pdfOut.toLowerCase().endsWith('.pdf'))) throw new CliError(t(lang, 'pdf.cli.notPdf', { out: String(pdfOut) }), 2);
  if ((typeof out !== 'string' || out === '') && pdfOut === undefined) {
    throw new CliError(t(lang, 'pdf.cli.needsOutput'), 2);
  }
  if (typeof out === 'string' && !out.toLowerCase().endsWith('.docx')) {
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
  const compareWith = values['compare-with'];
  if (compareWith !== undefined) {
    if (typeof compareWith !== 'string' || compareWith === '') throw new CliError(t(lang, 'redline.cli.needsOld'), 2);
    if (part !== 'strategy') throw new CliError(t(lang, 'redline.cli.wholeStrategy', { part }), 2);
    if (values.comments === true) throw new CliError(t(lang, 'redline.cli.noComments'), 2);
  } else if (values.author !== undefined || values.date !== undefined) {
    throw new CliError(t(lang, 'redline.cli.onlyWithCompare', { option: values.author !== undefined ? '--author' : '--date' }), 2);
  }
  if (values.suggestions === true && compareWith !== undefined) throw new CliError(t(lang, 'suggestionsExport.cli.notWithCompare'), 2);
  if (values.suggestions === true && pdfOut !== undefined) throw new CliError(t(lang, 'suggestionsExport.cli.notWithPdf'), 2);
  const changeDate = values.date;
  if (changeDate !== undefined && !isDate(changeDate)) throw new CliError(t(lang, 'redline.cli.badDate', { value: String(changeDate) }), 2);
  if (values.author !== undefined && (typeof values.author !== 'string' || values.author.trim() === '')) {
    throw new CliError(t(lang, 'redline.cli.badAuthor'), 2);
  }

  const input = await readStrategy(file, lang);
  const compare = typeof compareWith === 'string' ? redlineOptions(input.strategy, (await readStrategy(compareWith, lang)).strategy, values) : undefined;

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
      ...(values.suggestions === true ? { suggestions: true } : {}),
      ...(compare ? { compare } : {}),
      ...(typeof pdfOut === 'string' ? { pdf: true } : {}),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'PdfUnavailableError') throw new CliError(t(lang, 'pdf.cli.noLibreOffice'), 1);
    if (error instanceof UnknownStyleError) {
      throw new CliError(t(lang, 'cli.export.unknownStyle', { style: error.requested, known: error.known.join(', ') || t(lang, 'common.none') }), 1);
    }
    if (error instanceof ExportError) throw new CliError(error.message, 1);
    throw error;
  }

  for (const [target, bytes] of [[out, result.bytes], [pdfOut, result.pdf]] as const) {
    if (typeof target !== 'string' || !bytes) continue;
    try {
      await writeFileAtomic(target, bytes);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t(lang, 'cli.export.folderMissing') : (error as Error).message;
      throw new CliError(t(lang, 'cli.export.cannotWrite', { out: target, reason }), 1);
    }
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
  if (values.verbose === true && result.engine) {
    console.error(t(lang, 'pdf.cli.verbose', { engine: result.engine, layouts: result.passes, exportMs: result.timings.exportMs, layoutMs: result.timings.layoutMs, note: result.engineNote ?? 'none' }));
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
  for (const target of [out, pdfOut]) {
    if (typeof target !== 'string') continue;
    const shown = path.relative(process.cwd(), target) || target;
    const tagged = target === pdfOut ? [t(lang, 'pdf.cli.tagged')] : [];
    console.log(t(lang, 'cli.export.wrote', { file: shown, facts: [...tagged, ...facts].join('; ') }));
  }
  if (result.suggestions !== undefined) console.log(t(lang, 'suggestionsExport.cli.written', { count: result.suggestions }));
  if (compare && typeof compareWith === 'string') {
    const summary = compareStrategies(compare.old, input.strategy).summary;
    console.log(t(lang, 'redline.cli.changes', { old: compareWith, summary: summaryText(summary, lang), author: compare.author, date: compare.date.slice(0, 10) }));
  }
  return 0;
}

/** FILE read and validated; an invalid one is exit 1 with its first problem. */
async function readStrategy(file: string, lang: Lang): Promise<{ strategy: StrategyFile }> {
  const input = await readInput(file, lang);
  if (!input.ok) {
    const [first] = input.problems;
    const more = input.problems.length - 1;
    throw new CliError(t(lang, 'cli.export.invalidInput', { file, problem: first ? formatProblem(first) : '', more }), 1);
  }
  return input;
}

/**
 * Who the redline's changes are by and when: --author and --date, else the new strategy's own
 * "prepared by" (else its organisation) and date (else today).
 */
function redlineOptions(strategy: StrategyFile, old: StrategyFile, values: Record<string, string | boolean | undefined>): RedlineOptions {
  const author = typeof values.author === 'string' ? values.author.trim() : strategy.meta.preparedBy?.trim() || strategy.meta.organisation;
  const day = typeof values.date === 'string' ? values.date : (strategy.meta.date ?? new Date().toISOString().slice(0, 10));
  return { old, author, date: `${day}T00:00:00Z` };
}
