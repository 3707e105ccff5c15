// The two catalogs are one catalog in two languages: the same keys, and every message parses as ICU
// with the same arguments (a translation that drops {name} or renames {count} fails here).
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { da } from '../../../shared/i18n/catalog/da';
import { en } from '../../../shared/i18n/catalog/en';
import { t } from '../../../shared/i18n';
import { recoveryNotice, storageError } from '../../../main/storage/messages';
import { StorageError } from '../../../main/storage/types';

type El = { type: number; value?: string; options?: Record<string, { value: El[] }>; children?: El[] };

function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (els: El[]): void => {
    for (const el of els) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (intl-messageformat's AST types)
      if (el.type >= 1 && el.type <= 6 && el.value) names.add(el.value);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as unknown as El[]);
  return [...names].sort();
}

describe('message catalogs', () => {
  it('have the same keys in Danish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    expect(Object.keys(da).length).toBeGreaterThan(400);
  });

  it('parse as ICU with the same argument names in both languages', () => {
    const mismatched: string[] = [];
    for (const key of Object.keys(da) as (keyof typeof da)[]) {
      const daArgs = argumentsOf(da[key], 'da-DK');
      const enArgs = argumentsOf(en[key], 'en-GB');
      if (daArgs.join() !== enArgs.join()) mismatched.push(`${key}: da {${daArgs.join(', ')}} en {${enArgs.join(', ')}}`);
    }
    expect(mismatched).toEqual([]);
  });

  it('fill in parameters, plurals and selects', () => {
    expect(t('da', 'status.hostOfflinePending', { count: 1 })).toBe('Ingen forbindelse til Pejling – 1 ændring venter på at blive gemt');
    expect(t('da', 'status.hostOfflinePending', { count: 1234 })).toBe('Ingen forbindelse til Pejling – 1.234 ændringer venter på at blive gemt');
    expect(t('en', 'status.hostOfflinePending', { count: 2 })).toBe('No connection to Pejling – 2 changes waiting to be saved');
    // a year is a plain argument: shown as written, not as "2.026"
    expect(t('da', 'new.actionPlan', { from: 2026, to: 2027 })).toBe('Handlingsplan 2026-2027');
    expect(t('da', 'export.logoAlt', { organisation: 'Odder Kommune', ending: 'other' })).toBe('Odder Kommunes logo');
    expect(t('da', 'export.logoAlt', { organisation: 'Lars', ending: 'sxz' })).toBe("Lars' logo");
    expect(t('en', 'format.richNot', { actual: 'a number' })).toContain('{"type": "doc", …}, not a number');
  });

  it("gives the storage layer's messages in both languages", () => {
    expect(storageError(new StorageError('locked', 'lock held'), 'en')).toBe('The data folder is already in use by another Pejling. Close that one first.');
    expect(storageError(new StorageError('locked', 'lock held'), 'da')).toMatch(/^Datamappen bruges allerede/);
    expect(recoveryNotice({ discardedBytes: 11, reason: 'torn', quarantinedTo: '/d/x' }, 'en')).toContain('(11 bytes) is kept in /d/x');
  });
});

describe('host errors in the UI language', () => {
  it('translates a host error code with its parameters and keeps the host message for unknown codes', async () => {
    const { updateSettings } = await import('../../../renderer/src/settings/settings');
    const { errorMessage, errorProblems } = await import('../../../renderer/src/i18n/errors');
    updateSettings({ language: 'en' });
    const planGone = Object.assign(new Error('Handlingsplanen \'hp-1\' findes ikke i dokumentet.'), { code: 'plan-not-found', params: { plan: 'hp-1' } });
    expect(errorMessage(planGone)).toBe('The action plan “hp-1” does not exist in the document.');
    const damaged = Object.assign(new Error('damaged'), { code: 'storage-damaged', params: {} });
    expect(errorMessage(damaged)).toMatch(/^The file is damaged/);
    const refused = Object.assign(new Error('x.json kan ikke åbnes:\n/meta: mangler'), { code: 'invalid-file', params: { name: 'x.json', problems: '/meta: is required\n/vision: is required' } });
    expect(errorProblems(refused)).toEqual(['/meta: is required', '/vision: is required']);
    expect(errorMessage(Object.assign(new Error('Noget nyt'), { code: 'brand-new-code' }))).toBe('Noget nyt');
    updateSettings({ language: 'da' });
    expect(errorMessage(planGone)).toBe('Handlingsplanen »hp-1« findes ikke i dokumentet.');
  });
});
