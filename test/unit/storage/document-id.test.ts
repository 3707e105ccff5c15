// Document ids are folder names on every disk the app runs on: Windows device names and trailing dots are refused,
// and ids that differ only in case share one key.
import { describe, expect, it } from 'vitest';
import { assertValidDocumentId, documentIdKey, isValidDocumentId } from '../../../main/storage/document-id';

describe('document ids', () => {
  it('accept ordinary names and the ids the app makes', () => {
    for (const id of ['strategi', 'Strategi-2026', 'a', 'kk_2010.2014', '3f2c1a9e-0d1b-4c1e-9a55-1c2b3d4e5f60', 'console', 'com10', 'lpt', 'nullable']) {
      expect(isValidDocumentId(id), id).toBe(true);
    }
  });

  it('refuse Windows device names, with or without an extension, in any case', () => {
    for (const id of ['CON', 'con', 'NUL', 'nul.txt', 'aux', 'Prn', 'COM1', 'com9', 'LPT9', 'lpt1.tar.gz', 'con.txt', 'COM0']) {
      expect(isValidDocumentId(id), id).toBe(false);
      expect(() => assertValidDocumentId(id)).toThrow(/is a reserved device name on Windows/);
    }
  });

  it('refuse trailing dots, dot names, spaces, separators and non-ASCII letters', () => {
    expect(() => assertValidDocumentId('doc.')).toThrow('Invalid document id "doc.": it must not end with a dot');
    for (const id of ['doc..', '.', '..', 'doc ', 'doc. ', ' doc', 'a/b', 'a\\b', 'Stratégi', 'Strate\u0301gi', '', 'x'.repeat(129)]) {
      expect(isValidDocumentId(id), JSON.stringify(id)).toBe(false);
    }
  });

  it('give names that differ only in case one key', () => {
    expect(documentIdKey('Strategi')).toBe(documentIdKey('strategi'));
    expect(documentIdKey('STRATEGI-2026')).toBe('strategi-2026');
    expect(documentIdKey('strategi')).not.toBe(documentIdKey('strategi2'));
  });
});
