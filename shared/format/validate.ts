// Validation of the interchange format (v1, v2 and v3) with readable, path-qualified problems: every problem is
// listed (never only the first), each as a JSON pointer and a reason in Danish or English; never a stack trace.
import { issueReason } from './issue-text';
import { extraRuleProblems } from './extra-rules';
import { inputLimitProblems, MAX_RICH_NESTING } from './input-limits';
import { findJsonSyntaxError, type JsonSyntaxError, lineColumn } from './json-syntax';
import { toJsonPointer } from './json-pointer';
import { isMessageKey, t as message, type MessageKey, type MessageParams } from '../i18n/messages';
import { type Lang, showValue } from './messages';
import { formatProblem, type Problem } from './problem';
import { FORMAT_NAME, FORMAT_VERSION, LATEST_VERSION, READABLE_VERSIONS, type StrategyFile, strategyFileSchema } from './schema';

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
      ? message(lang, 'format.invalidFileHeadNamed', { source })
      : message(lang, 'format.invalidFileHead');
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
  const m = (key: MessageKey, params?: MessageParams): string => message(lang, key, params);
  if (!isObj(input)) {
    const what = Array.isArray(input) ? m('format.type.list') : showValue(input);
    return {
      path: '',
      message: m('format.notObject', { what }),
    };
  }
  if (!('format' in input)) {
    return {
      path: '/format',
      message: m('format.formatMissing', { expected: FORMAT_NAME }),
    };
  }
  if (input.format !== FORMAT_NAME) {
    return {
      path: '/format',
      message: m('format.formatWrong', { value: showValue(input.format), expected: FORMAT_NAME }),
    };
  }
  const version = input.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > LATEST_VERSION) {
    return {
      path: '/formatVersion',
      message: m('format.newerVersion', { version, supported: readable() }),
    };
  }
  return null;
}

/** "1–2": the versions this Pejling reads, for messages. */
const readable = (): string => `${READABLE_VERSIONS[0]}–${READABLE_VERSIONS[READABLE_VERSIONS.length - 1]}`;

function versionReason(input: Record<string, unknown>, lang: Lang): string {
  const v = input.formatVersion;
  // A missing version: name the one Pejling writes.
  if (v === undefined) return message(lang, 'format.versionRequired', { supported: FORMAT_VERSION });
  return message(lang, 'format.versionUnknown', { value: showValue(v), supported: readable() });
}

/** Validates parsed JSON against the interchange format (v1, v2 or v3); lists every problem found. */
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
      return [{ path: childPath, message: message(lang, 'format.unknownField') }];
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
  const m = (key: MessageKey, params?: MessageParams): string => message(lang, key, params);
  const at = m('format.json.at', { line: error.line, column: error.column });
  const found = error.found === undefined ? '' : JSON.stringify(error.found);
  switch (error.reason) {
    case 'empty':
      return m('format.json.empty');
    case 'truncated': {
      const open = error.openContainers ?? 0;
      const detail = error.insideString
        ? m('format.json.insideString')
        : open > 0
          ? m('format.json.openContainers', { open })
          : m('format.json.beforeEnd');
      return m('format.json.truncated', { at, detail });
    }
    case 'trailing-comma':
      return m('format.json.trailingComma', { at, found });
    case 'unquoted-key':
      return m('format.json.unquotedKey', { at, found });
    case 'single-quotes':
      return m('format.json.singleQuotes', { at });
    case 'control-character':
      return m('format.json.controlCharacter', { at });
    case 'bad-escape':
      return m('format.json.badEscape', { at, found });
    case 'bad-number':
      return m('format.json.badNumber', { at, found });
    case 'trailing-data':
      return m('format.json.trailingData', { at, found });
    case 'too-deep':
      return m('format.json.tooDeep', { max: MAX_RICH_NESTING });
    case 'unexpected': {
      const key = `format.json.expected.${error.expected ?? 'value'}`;
      const want = m(isMessageKey(key) ? key : 'format.json.expected.other');
      return m('format.json.unexpected', { at, found, want });
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
    return { ok: false, problems: [{ path: '', message: message(lang, 'format.json.invalid', { detail }), line, column }] };
  }
}

/** Parses and validates the text of an interchange file. */
export function parseStrategyText(text: string, lang: Lang = 'da'): ValidationResult {
  const json = parseJsonText(text, lang);
  if (!json.ok) return json;
  return validateStrategyFile(json.value, lang);
}
