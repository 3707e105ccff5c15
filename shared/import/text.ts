// Small text helpers of the importer: normalising titles for matching, typed heading numbers, the words that
// mark a role ("Målsætninger", "Pejlemærker", "Handlingsplan") in Danish and English. The words come from the
// catalog (the same vocabulary the export writes), plus the synonyms other tools' documents use.
import { t, type Lang, type MessageKey } from '../i18n';

const LANGS: Lang[] = ['da', 'en'];

/** The catalog's word for a key in both languages, lower case. */
export function catalogWords(...keys: MessageKey[]): string[] {
  return keys.flatMap((key) => LANGS.map((lang) => t(lang, key).toLowerCase()));
}

/** Lower case, no typed number, single spaces, no trailing punctuation: for comparing titles. */
export function normaliseTitle(text: string): string {
  return stripHeadingNumber(text)
    .title.toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[.:;,!?)\]]+$/, '')
    .trim();
}

/** "4.1 Digital service" → number "4.1", title "Digital service"; "2010 Strategien" keeps its year. */
export function stripHeadingNumber(text: string): { number?: string; title: string } {
  const clean = text.replace(/[\u00a0\t]+/g, ' ').trim();
  const match = /^((?:\d{1,2}\.)*\d{1,2})\.?\s+(?=\S)/.exec(clean) ?? /^([A-Z]|[IVX]{1,4})[.)]\s+(?=\S)/.exec(clean);
  if (!match || !match[1]) return { title: clean };
  return { number: match[1], title: clean.slice(match[0].length).trim() };
}

/** How deep a typed number is: "4" → 1, "4.1" → 2. */
export function numberDepth(number: string | undefined): number {
  return number ? number.split('.').length : 0;
}

const VISION = /^((vores|den|fælles|kommunens|our|the)\s+)?(vision(en)?|visioner)\b/;
const BEARINGS = /pejlemærke|bearing/;
const PRINCIPLES = /princip|værdier|values|ledetråde|grundsætninger/;
const FOCUS_AREA_CHAPTER = /^((de |vores |strategiens |strategiske |fire |tre |fem |seks )*(indsatsområder|fokusområder|temaer|indsatser)|(strategic )?(focus areas|priorities))$/;
const PLANS = /^(\d{4}\s*)?(handlingsplan|handleplan|action plan|implementeringsplan)/;
const ABOUT = /^(om (strategien|dokumentet|denne strategi)|about (the|this) (strategy|document)|kolofon|colophon)$/;
const GOAL_LABEL = /^(mål|målsætninger?|mål for indsatsområdet|mål for indsatsen|succeskriterier|effektmål|det vil vi opnå|vi vil|goals?|objectives|targets)$/;

export function isVisionTitle(title: string): boolean {
  return VISION.test(normaliseTitle(title));
}

export function isBearingsTitle(title: string): boolean {
  return BEARINGS.test(normaliseTitle(title));
}

/** A heading over the principles or bearings of the vision or a perspective. */
export function isPrinciplesTitle(title: string): boolean {
  // Pejling's export names a perspective's principles with their chapter ("Arkitekturprincipper – IT-miljø").
  const text = normaliseTitle(title.replace(/\s–\s.*$/s, ''));
  return (PRINCIPLES.test(text) || BEARINGS.test(text)) && text.split(' ').length <= 4;
}

export function isFocusAreaChapterTitle(title: string, label?: string): boolean {
  const text = normaliseTitle(title);
  return FOCUS_AREA_CHAPTER.test(text) || (label !== undefined && text === label.toLowerCase()) || catalogWords('label.focusAreas').includes(text);
}

export function isPlansTitle(title: string): boolean {
  return PLANS.test(normaliseTitle(title));
}

export function isAboutTitle(title: string): boolean {
  const text = normaliseTitle(title);
  return ABOUT.test(text) || catalogWords('export.aboutDocument').includes(text);
}

/** "Målsætninger", "Mål:", "Succeskriterier" standing alone before a list of goals. */
export function isGoalLabel(text: string): boolean {
  const clean = normaliseTitle(text);
  return clean.length > 0 && clean.length <= 40 && (GOAL_LABEL.test(clean) || catalogWords('export.goals').includes(clean));
}

/** A typed page header or footer line: "Side 3 af 19", "Odder Kommune Side 1 af 19", "Page 2 of 10". */
export function isPageLine(text: string): boolean {
  return /(^|\s)(side|page|s\.)\s*\d+(\s*(af|of|\/)\s*\d+)?$/i.test(text.trim()) && text.trim().length <= 80;
}

/** A typed table-of-contents line: "4.1 Digital service ........ 12" or "Vision<TAB>6". */
export function isTypedTocLine(text: string): boolean {
  return /(\.{3,}|…+|\t)\s*\d{1,3}$/.test(text.trim()) || /^(\d+(\.\d+)*)\s+.{2,120}\s{2,}\d{1,3}$/.test(text.trim());
}

export function isTocHeading(text: string): boolean {
  return /^(indhold|indholdsfortegnelse|indholdsoversigt|contents|table of contents)$/.test(normaliseTitle(text));
}

/** Two titles name the same thing: equal after normalising, or one is the other's start (a shortened title). */
export function sameTitle(a: string, b: string): boolean {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 12 && long.startsWith(short);
}
