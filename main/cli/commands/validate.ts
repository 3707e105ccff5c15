// `pejling validate FILE [--lang da|en]`: exit 0 and one "gyldig" line for a valid file; otherwise every
// problem as "FILE: path: reason" and exit 1. Also home of the option parsing shared by new/validate/check.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { t, type Lang } from '../../../shared/i18n/messages';
import { formatProblem, type Problem } from '../../../shared/format/validate';
import { CliError } from '../cli-error';
import { readCliInput } from '../read-input';

export const help = `Usage: pejling validate FILE [--lang da|en]

Checks that FILE follows the Pejling interchange format (version 1). FILE is an interchange
JSON file or a document saved by the app (.pejling).

Options:
  --lang da|en   language of the messages (default: da)

Exit status:
  0  the file is valid ("gyldig")
  1  the file is invalid or cannot be read; every problem is printed as "FILE: path: reason"
  2  wrong use of the command`;

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with strict checking; mistakes become one-line CliErrors (exit 2) naming the command. */
export function parseCommandArgs<T extends Options>(
  command: string,
  args: string[],
  options: T,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    const see = `Run 'pejling ${command} --help' for its options.`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new CliError(`unknown option '${option}' for 'pejling ${command}'. ${see}`, 2);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new CliError(`option '${option.split(' ')[0] ?? option}' of 'pejling ${command}' ${/argument missing/.test(message) ? 'needs a value' : 'takes no value'}. ${see}`, 2);
    }
    throw new CliError(`${message} ${see}`, 2);
  }
}

export function parseLang(value: string | boolean | undefined): Lang {
  if (value === undefined) return 'da';
  if (value === 'da' || value === 'en') return value;
  throw new CliError(`--lang must be da or en, not '${String(value)}'`, 2);
}

/** Exactly one FILE argument. */
export function singleFile(command: string, positionals: string[]): string {
  if (positionals.length === 1 && positionals[0]) return positionals[0];
  if (positionals.length === 0) throw new CliError(`'pejling ${command}' needs a FILE. Run 'pejling ${command} --help'.`, 2);
  throw new CliError(`'pejling ${command}' takes one FILE, got ${positionals.length}: ${positionals.join(' ')}`, 2);
}

export function printProblems(file: string, problems: Problem[], out: (line: string) => void = console.log): void {
  for (const problem of problems) out(`${file}: ${formatProblem(problem)}`);
}

/** Reads FILE; an unreadable file is reported as "FILE: reason" with exit 1 (a CliError). See ../read-input.ts. */
export function readInput(file: string, lang: Lang) {
  return readCliInput(file, lang);
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, { lang: { type: 'string' } });
  const lang = parseLang(values.lang);
  const file = singleFile('validate', positionals);
  const result = await readInput(file, lang);
  if (result.ok) {
    // Unknown fields do not make a file invalid, but they are not kept: say where they are.
    for (const warning of result.warnings) console.log(t(lang, 'cli.validate.warning', { file, problem: formatProblem(warning) }));
    console.log(t(lang, 'cli.validate.valid', { file }));
    return 0;
  }
  printProblems(file, result.problems);
  console.error(t(lang, 'cli.validate.invalid', { file, count: result.problems.length }));
  return 1;
}
