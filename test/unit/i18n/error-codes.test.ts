// Every error code that can cross the host boundary is worded in both catalogs: the codes come from the one list the
// throwing sites are typed against (shared/host/errors.ts), the storage's refusals from what toHostError makes of
// every StorageErrorCode, and the worded texts must fill in the parameters the throwing sites give.
import { describe, expect, it } from 'vitest';
import { ALL_HOST_ERROR_CODES, errorKey, errorText } from '../../../shared/host/errors';
import { CATALOGS, type Lang } from '../../../shared/i18n/messages';
import { toHostError } from '../../../main/host/host-api';
import { StorageError, type StorageErrorCode } from '../../../main/storage/types';
import { errorMessage } from '../../../renderer/src/i18n/errors';
import { updateSettings } from '../../../renderer/src/settings/settings';

const LANGS: Lang[] = ['da', 'en'];

/** Every storage code, typed so that a code added to StorageErrorCode must be added here too. */
const STORAGE_CODES: Record<StorageErrorCode, true> = {
  'invalid-id': true,
  'name-taken': true,
  'invalid-input': true,
  'not-found': true,
  exists: true,
  locked: true,
  closed: true,
  'write-failed': true,
  'disk-full': true,
  'not-pejling-file': true,
  damaged: true,
  'newer-version': true,
  io: true,
};

/**
 * The parameters each code is thrown with (main/host, main/electron, the bridges), checked against its texts; a code
 * without an entry is checked with a value for each argument of its text.
 */
const PARAMS: Record<string, Record<string, string | number>> = {
  unreachable: { reason: 'connection refused' },
  'unknown-method': { method: 'formatDisk' },
  'invalid-argument': { method: 'getDocument', argument: 'id', path: '', reason: 'invalid' },
  'invalid-encoding': { segment: '%zz' },
  'body-too-deep': { limit: 64 },
  'method-not-allowed': { method: 'PUT', allow: 'GET' },
  'unknown-route': { path: '/api/nowhere' },
  'request-header-missing': { header: 'X-Pejling-Request' },
  'cross-origin': { reason: 'Origin: https://evil.example' },
  'document-not-found': { id: 'gone' },
  'template-not-found': { name: 'aarhus' },
  'example-not-found': { name: 'aarhus-2020' },
  'file-unreadable': { fileName: 'x.pejling', reason: 'damaged' },
  'invalid-file': { name: 'x.json', problems: '/meta: required' },
  'too-large': { name: 'x.json', limit: 64 },
  'plan-not-found': { plan: 'hp-9' },
  'unknown-style': { style: 'festive' },
  'invalid-remote-url': { url: 'file:///etc/passwd' },
  'version-not-found': { name: 'Høring 1' },
  'word-import': { reason: 'not-docx', file: 'plan.docx', problem: 'plan.docx is not a Word document' },
};

/** For a code not in PARAMS: a value for each argument its Danish text uses (the catalog test checks English uses the same). */
function placeholders(message: string): Record<string, number> {
  return Object.fromEntries([...message.matchAll(/\{(\w+)[,}]/g)].map((m) => [m[1]!, 1]));
}

describe('error codes crossing the host boundary', () => {
  it('are each worded in Danish and in English, with the parameters they are thrown with', () => {
    const unworded: string[] = [];
    for (const code of ALL_HOST_ERROR_CODES) {
      const key = errorKey(code);
      if (!key) {
        unworded.push(`${code}: no catalog entry`);
        continue;
      }
      for (const lang of LANGS) {
        if (!(key in CATALOGS[lang])) unworded.push(`${code}: no ${lang} entry ${key}`);
        const text = errorText(lang, code, PARAMS[code] ?? placeholders(CATALOGS.da[key]));
        if (!text) unworded.push(`${code}: the ${lang} text needs a parameter not in PARAMS (add the parameters the code is thrown with)`);
        else if (/[{}]/.test(text)) unworded.push(`${code}: the ${lang} text shows a brace: ${text}`);
      }
    }
    expect(unworded).toEqual([]);
    expect(ALL_HOST_ERROR_CODES.length).toBeGreaterThan(25);
  });

  it('include what the host makes of every storage refusal', () => {
    for (const code of Object.keys(STORAGE_CODES) as StorageErrorCode[]) {
      const passed = toHostError(new StorageError(code, `storage says ${code}`), 'en');
      expect(ALL_HOST_ERROR_CODES, `StorageError ${code} → ${passed.code}`).toContain(passed.code);
      expect(passed.message, `StorageError ${code}`).toBe(errorText('en', passed.code, passed.params));
    }
    // A full disk is told as such, not as "an internal error".
    expect(toHostError(new StorageError('disk-full', 'ENOSPC'), 'en').message).toMatch(/disk is full/i);
  });

  it('are read by the renderer in the UI language, whatever language the host wrote its message in', () => {
    const danishHost = Object.assign(new Error('Handlingsplanen »hp-9« findes ikke i dokumentet.'), { code: 'plan-not-found', params: { plan: 'hp-9' } });
    updateSettings({ language: 'en' });
    try {
      expect(errorMessage(danishHost)).toBe('The action plan “hp-9” does not exist in the document.');
      expect(errorMessage(Object.assign(new Error('Ukendt metode: x'), { code: 'unknown-method', params: { method: 'x' } }))).toBe('Pejling does not know the method “x”.');
      // A code Pejling does not know falls back to the host's own message.
      expect(errorMessage(Object.assign(new Error('as the host said it'), { code: 'no-such-code', params: {} }))).toBe('as the host said it');
    } finally {
      updateSettings({ language: 'da' });
    }
  });
});
