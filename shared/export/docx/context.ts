// What every part of the exporter needs while it writes one document.
import type { StrategyFile } from '../../format/schema';
import type { HouseStyle, HouseStyleLogo } from '../house-style';
import { exportTexts, languageOf, structureWords, type ExportTexts, type StructureWords } from '../texts';
import { smartQuotes, type ExportLanguage } from '../typography';
import type { WordComments } from './comments';
import { HeadingOutline } from './headings';
import { StrategyIndex } from '../strategy-index';

export interface RenderContext {
  strategy: StrategyFile;
  index: StrategyIndex;
  style: HouseStyle;
  logo: HouseStyleLogo | undefined;
  lang: ExportLanguage;
  texts: ExportTexts;
  words: StructureWords;
  outline: HeadingOutline;
  /** A fresh instance of the ordered-list numbering, so each list counts from 1. */
  nextListInstance(): number;
  /** Width of the text area of the section being written, in twips. */
  textWidth: number;
  /** Straight quotes to the language's typographic ones. */
  typo(text: string, before?: string): string;
  now: Date;
  /** The open comment threads to write as Word comments (export with comments only). */
  comments?: WordComments;
}

export function createContext(
  strategy: StrategyFile,
  style: HouseStyle,
  logo: HouseStyleLogo | undefined,
  now: Date,
): RenderContext {
  const lang = languageOf(strategy);
  const texts = exportTexts(lang);
  let listInstance = 0;
  return {
    strategy,
    index: new StrategyIndex(strategy),
    style,
    logo,
    lang,
    texts,
    words: structureWords(strategy.labels, texts),
    outline: new HeadingOutline(style.headings.numbered, lang === 'da' ? '(uden titel)' : '(untitled)', style.headings.chapterOnNewPage),
    nextListInstance: () => ++listInstance,
    textWidth: 9000,
    typo: (text, before) => smartQuotes(text, lang, before),
    now,
  };
}
