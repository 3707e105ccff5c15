// The message catalog and the formatting of Pejling: see ./messages.ts and ./format.ts.
export { t, translator, isMessageKey, type Lang, type MessageKey, type MessageParams } from './messages';
export * from './format';
export * from './vocabulary';
