// The message catalog and the formatting of Pejling: see ./messages.ts and ./format.ts.
export { t, translator, isMessageKey, localeOf, LANGS, type Lang, type MessageKey, type MessageParams, type Translator } from './messages';
export * from './format';
export * from './vocabulary';
