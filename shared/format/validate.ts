// Validation of interchange format v1 with readable, path-qualified problems: every problem is
// listed (never only the first), each as a JSON pointer and a reason in Danish or English; never a stack trace.
import { issueReason } from './issue-text';
import { extraRuleProblems } from './extra-rules';
import { inputLimitProblems } from './input-limits';
import { findJsonSyntaxError, type JsonSyntaxError, lineColumn } from './json-syntax';
import { toJsonPointer } from './json-pointer';
import { type Lang, pick, showValue } from './messages';
import { formatProblem, type Problem } from './problem';
import { FORMAT_NAME, FORMAT_VERSION, type StrategyFile, strategyFileSchema } from './schema';

export { formatProblem, type Problem } from './problem';
export type { Lang } from './messages';

/**
 * `warnings` lists fields the format does not know (a typo such as "ownerID", or another tool's extension): the file
 * is accepted, but those fields are not kept, so the user is told where they were.
 */
export type ValidationResult =
  | { ok: true; strategy: StrategyFile; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/** Thrown by loaders that cannot return problems: its message lists every problem as "path: reason" lines. */
export class InvalidStrategyError extends Error {
  constructor(
    readonly problems: Problem[],
    /** What was read (a file name), to prefix the message; optional. */
    readonly source?: string,
    lang: Lang = 'da',
  ) {
    const head = source
      ? pick(lang, { da: `${source} er ikke en gyldig Pejling-strategifil:`, en: `${source} is not a valid Pejling strategy file:` })
      : pick(lang, { da: 'Ikke en gyldig Pejling-strategifil:', en: 'Not a valid Pejling strategy file:' });
    super([head, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'));
    this.name = 'InvalidStrategyError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks the identity of the file first: a file that is not a Pejling strategy, or that a newer Pejling
 * wrote, gets that one clear problem instead of a list of consequences.
 */
function identityProblem(input: unknown, lang: Lang): Problem | null {
  const t = (da: string, en: string): string => pick(lang, { da, en });
  if (!isObj(input)) {
    const what = Array.isArray(input) ? t('en liste', 'a list') : showValue(input);
    return {
      path: '',
      message: t(
        `ikke en Pejling-strategifil: filen skal indeholde et JSON-objekt { … }, men indeholder ${what}`,
        `not a Pejling strategy file: the file must hold a JSON object { … }, but holds ${what}`,
      ),
    };
  }
  if (!('format' in input)) {
    return {
      path: '/format',
      message: t(
        `ikke en Pejling-strategifil: feltet "format" mangler (forventede "${FORMAT_NAME}")`,
        `not a Pejling strategy file: the "format" field is missing (expected "${FORMAT_NAME}")`,
      ),
    };
  }
  if (input.format !== FORMAT_NAME) {
    return {
      path: '/format',
      message: t(
        `ikke en Pejling-strategifil: "format" er ${showValue(input.format)}, forventede "${FORMAT_NAME}"`,
        `not a Pejling strategy file: "format" is ${showValue(input.format)}, expected "${FORMAT_NAME}"`,
      ),
    };
  }
  const version = input.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    return {
      path: '/formatVersion',
      message: t(
        `filen er skrevet af en nyere version af Pejling (formatversion ${version}); denne version kan læse formatversion ${FORMAT_VERSION}. Opdatér Pejling for at åbne den`,
        `the file was written by a newer version of Pejling (format version ${version}); this version reads format version ${FORMAT_VERSION}. Update Pejling to open it`,
      ),
    };
  }
  return null;
}

function versionReason(input: Record<string, unknown>, lang: Lang): string {
  const v = input.formatVersion;
  if (v === undefined) return pick(lang, { da: `mangler (skal være ${FORMAT_VERSION})`, en: `is required (must be ${FORMAT_VERSION})` });
  return pick(lang, {
    da: `ukendt formatversion ${showValue(v)}; denne version af Pejling læser formatversion ${FORMAT_VERSION}`,
    en: `unknown format version ${showValue(v)}; this version of Pejling reads format version ${FORMAT_VERSION}`,
  });
}

/** Validates parsed JSON against interchange format v1; lists every problem found. */
export function validateStrategyFile(input: unknown, lang: Lang = 'da'): ValidationResult {
  const identity = identityProblem(input, lang);
  if (identity) return { ok: false, problems: [identity] };
  // Characters Word cannot store and too deep nesting; a too deep input goes no further (the steps
  // below walk it recursively).
  const limits = inputLimitProblems(input, lang);
  if (limits.tooDeep) return { ok: false, problems: limits.problems };
  const parsed = strategyFileSchema.safeParse(input);
  const problems: Problem[] = [...limits.problems];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = toJsonPointer(issue.path);
      const message =
        path === '/formatVersion' && isObj(input) ? versionReason(input, lang) : issueReason(issue, input, lang);
      problems.push({ path, message });
    }
  }
  problems.push(...extraRuleProblems(input, lang));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: dedupe(problems) };
  return { ok: true, strategy: parsed.data, warnings: unknownFieldWarnings(input, parsed.data, '', lang) };
}

/** Fields present in the input but not in the parsed strategy: the schema dropped them as unknown. */
function unknownFieldWarnings(input: unknown, parsed: unknown, path: string, lang: Lang): Problem[] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((item, i) => unknownFieldWarnings(item, parsed[i], `${path}/${i}`, lang));
  }
  if (!isObj(input) || !isObj(parsed)) return [];
  return Object.keys(input).flatMap((key) => {
    const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!(key in parsed)) {
      return [{ path: childPath, message: pick(lang, { da: 'ukendt felt; det ignoreres', en: 'unknown field; it is ignored' }) }];
    }
    return unknownFieldWarnings(input[key], parsed[key], childPath, lang);
  });
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function syntaxMessage(error: JsonSyntaxError, lang: Lang): string {
  const t = (da: string, en: string): string => pick(lang, { da, en });
  const at = t(`linje ${error.line}, kolonne ${error.column}`, `line ${error.line}, column ${error.column}`);
  const found = error.found === undefined ? '' : JSON.stringify(error.found);
  switch (error.reason) {
    case 'empty':
      return t('filen er tom (forventede en Pejling-strategi i JSON)', 'the file is empty (expected a Pejling strategy in JSON)');
    case 'truncated': {
      const open = error.openContainers ?? 0;
      const detail = error.insideString
        ? t('midt i en tekst', 'inside a text value')
        : open > 0
          ? t(`mens ${open} objekt(er)/liste(r) stadig er åbne`, `while ${open} object(s)/list(s) are still open`)
          : t('før værdien er færdig', 'before the value is complete');
      return t(
        `afkortet JSON: filen slutter for tidligt i ${at}, ${detail}. Filen er ufuldstændig (måske ikke gemt helt)`,
        `truncated JSON: the file ends too early at ${at}, ${detail}. The file is incomplete (perhaps not saved completely)`,
      );
    }
    case 'trailing-comma':
      return t(`ugyldig JSON i ${at}: komma før ${found} er ikke tilladt`, `invalid JSON at ${at}: a comma before ${found} is not allowed`);
    case 'unquoted-key':
      return t(
        `ugyldig JSON i ${at}: feltnavnet ${found} skal stå i dobbelte anførselstegn`,
        `invalid JSON at ${at}: the field name ${found} must be in double quotes`,
      );
    case 'single-quotes':
      return t(`ugyldig JSON i ${at}: tekst skal stå i dobbelte anførselstegn ("), ikke enkelte (')`, `invalid JSON at ${at}: text must be in double quotes ("), not single quotes (')`);
    case 'control-character':
      return t(
        `ugyldig JSON i ${at}: linjeskift eller tabulator direkte i en tekst; skriv \\n eller \\t`,
        `invalid JSON at ${at}: a raw line break or tab inside a text value; write \\n or \\t`,
      );
    case 'bad-escape':
      return t(`ugyldig JSON i ${at}: ukendt escape-sekvens ${found}`, `invalid JSON at ${at}: unknown escape sequence ${found}`);
    case 'bad-number':
      return t(`ugyldig JSON i ${at}: ${found} er ikke et gyldigt tal`, `invalid JSON at ${at}: ${found} is not a valid number`);
    case 'trailing-data':
      return t(
        `ugyldig JSON i ${at}: mere tekst (${found}) efter slutningen af dokumentet`,
        `invalid JSON at ${at}: more text (${found}) after the end of the document`,
      );
    case 'unexpected': {
      const expected: Record<string, { da: string; en: string }> = {
        value: { da: 'en værdi', en: 'a value' },
        key: { da: 'et feltnavn i dobbelte anførselstegn', en: 'a field name in double quotes' },
        colon: { da: '":"', en: '":"' },
        'comma-or-object-end': { da: '"," eller "}"', en: '"," or "}"' },
        'comma-or-list-end': { da: '"," eller "]"', en: '"," or "]"' },
        end: { da: 'slutningen af filen', en: 'the end of the file' },
      };
      const want = pick(lang, expected[error.expected ?? 'value'] ?? { da: 'noget andet', en: 'something else' });
      return t(`ugyldig JSON i ${at}: uventet ${found}, forventede ${want}`, `invalid JSON at ${at}: unexpected ${found}, expected ${want}`);
    }
  }
}

/** Parses JSON text; a syntax error becomes a problem with line and column. */
export function parseJsonText(text: string, lang: Lang = 'da'): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // tolerate a UTF-8 byte order mark
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (cause) {
    const error = findJsonSyntaxError(body);
    if (error) {
      return { ok: false, problems: [{ path: '', message: syntaxMessage(error, lang), line: error.line, column: error.column }] };
    }
    // Should not happen (JSON.parse and the locator disagree); still one readable line.
    const detail = cause instanceof Error ? cause.message : String(cause);
    const { line, column } = lineColumn(body, 0);
    return { ok: false, problems: [{ path: '', message: pick(lang, { da: `ugyldig JSON: ${detail}`, en: `invalid JSON: ${detail}` }), line, column }] };
  }
}

/** Parses and validates the text of an interchange file. */
export function parseStrategyText(text: string, lang: Lang = 'da'): ValidationResult {
  const json = parseJsonText(text, lang);
  if (!json.ok) return json;
  return validateStrategyFile(json.value, lang);
}
