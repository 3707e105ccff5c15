// `template-text`: a field that still holds a template's guidance ("Hjælpetekst: Skriv visionen …",
// "Skriv en målsætning …"). Recognised are the document's own hints (the guidance of the current templates,
// which never become content but can be typed or pasted in) and the texts the templates stored as content
// before hints existed (./template-texts.ts); a field whose text begins with "Hjælpetekst:" is guidance too.
// One warning per field, with the field's JSON pointer.
import type { Rich, StrategyFile } from '../format/schema';
import type { Lang } from '../format/messages';
import { t as message, type MessageKey } from '../i18n';
import { richToPlainText } from '../richtext/rich';
import { SEVERITY, type Finding } from './finding';
import { PREVIOUS_TEMPLATE_TEXTS } from './template-texts';

const GUIDANCE_LABEL = /^hjælpetekst:\s*/i;

/** The text compared: plain, without the "Hjælpetekst:" label, whitespace collapsed. */
function normalise(text: string): string {
  return text.replace(GUIDANCE_LABEL, '').replace(/\s+/g, ' ').trim();
}

function plain(value: Rich): string {
  try {
    return richToPlainText(value);
  } catch {
    return typeof value === 'string' ? value : ''; // rich text that does not fit the schema is another check's problem
  }
}

const firstWord = (text: string): string => text.split(' ', 1)[0] ?? '';

const PREVIOUS = new Set(PREVIOUS_TEMPLATE_TEXTS.map((text) => normalise(plain(text))));
const PREVIOUS_FIRST_WORDS = new Set([...PREVIOUS].map(firstWord));

const FIELD_NAMES: Record<string, MessageKey> = {
  subtitle: 'publishing.field.subtitle',
  statement: 'publishing.field.statement',
  body: 'publishing.field.body',
  intro: 'publishing.field.intro',
  text: 'publishing.field.text',
  description: 'publishing.field.description',
};

interface Field {
  /** The item's id in the file ("meta", "vision" or an item id). */
  id: string;
  field: string;
  path: string;
  value: Rich | undefined;
}

function* fieldsOf(s: StrategyFile): Generator<Field> {
  yield { id: 'meta', field: 'subtitle', path: '/meta/subtitle', value: s.meta.subtitle };
  for (const [i, x] of (s.sections ?? []).entries()) yield { id: x.id, field: 'body', path: `/sections/${i}/body`, value: x.body };
  yield { id: 'vision', field: 'statement', path: '/vision/statement', value: s.vision.statement };
  yield { id: 'vision', field: 'body', path: '/vision/body', value: s.vision.body };
  for (const [i, x] of (s.vision.principles ?? []).entries()) yield { id: x.id, field: 'body', path: `/vision/principles/${i}/body`, value: x.body };
  for (const [i, x] of (s.vision.bearings ?? []).entries()) yield { id: x.id, field: 'body', path: `/vision/bearings/${i}/body`, value: x.body };
  for (const [i, p] of s.perspectives.entries()) {
    yield { id: p.id, field: 'intro', path: `/perspectives/${i}/intro`, value: p.intro };
    for (const [j, x] of (p.principles ?? []).entries()) yield { id: x.id, field: 'body', path: `/perspectives/${i}/principles/${j}/body`, value: x.body };
    for (const [j, f] of p.focusAreas.entries()) {
      yield { id: f.id, field: 'body', path: `/perspectives/${i}/focusAreas/${j}/body`, value: f.body };
      for (const [k, g] of (f.goals ?? []).entries()) yield { id: g.id, field: 'text', path: `/perspectives/${i}/focusAreas/${j}/goals/${k}/text`, value: g.text };
    }
  }
  for (const [i, plan] of (s.actionPlans ?? []).entries()) {
    yield { id: plan.id, field: 'intro', path: `/actionPlans/${i}/intro`, value: plan.intro };
    for (const [j, it] of plan.initiatives.entries()) {
      yield { id: it.id, field: 'description', path: `/actionPlans/${i}/initiatives/${j}/description`, value: it.description };
    }
  }
}

/**
 * Whether a raw value can be guidance at all, without parsing it: the check runs on every change of the
 * live document, and parsing every initiative's description as Markdown each time is the cost avoided.
 * Guidance begins with its label or with one of the few first words the known texts begin with.
 */
function candidate(value: Rich, firstWords: Set<string>): boolean {
  if (typeof value !== 'string') return JSON.stringify(value).includes('"text"');
  const start = value.replace(/^[\s*_#>-]+/, '');
  return GUIDANCE_LABEL.test(start) || firstWords.has(firstWord(start.replace(/[*_]/g, '')));
}

/**
 * One warning per field that holds guidance, in document order. `describe` names the item a field belongs
 * to ("indsatsområdet »Digital post«"), as the other findings do.
 */
export function templateTextFindings(strategy: StrategyFile, lang: Lang, describe: (id: string) => string | undefined): Finding[] {
  const own = new Map<string, string>();
  for (const [id, fields] of Object.entries(strategy.hints ?? {})) {
    for (const [field, text] of Object.entries(fields)) own.set(`${id}\u0000${field}`, normalise(plain(text)));
  }
  const firstWords = new Set([...PREVIOUS_FIRST_WORDS, ...[...own.values()].map(firstWord)]);
  const findings: Finding[] = [];
  for (const { id, field, path, value } of fieldsOf(strategy)) {
    if (value === undefined || !candidate(value, firstWords)) continue;
    const raw = plain(value);
    const text = normalise(raw);
    if (text === '') continue;
    const guidance = GUIDANCE_LABEL.test(raw.trimStart()) || PREVIOUS.has(text) || own.get(`${id}\u0000${field}`) === text;
    if (!guidance) continue;
    const where =
      id === 'meta'
        ? message(lang, 'publishing.where.meta')
        : id === 'vision'
          ? message(lang, 'publishing.where.vision')
          : message(lang, 'publishing.where.item', { item: describe(id) ?? id });
    const excerpt = text.length > 60 ? `${text.slice(0, 59)}…` : text;
    const fieldName = message(lang, FIELD_NAMES[field] ?? 'publishing.field.body');
    findings.push({ code: 'template-text', severity: SEVERITY['template-text'], id, path, message: message(lang, 'publishing.check.templateText', { field: fieldName, where, text: excerpt }) });
  }
  return findings;
}
