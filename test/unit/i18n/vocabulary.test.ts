// One word per concept: what the app shows, what `pejling check --json` says and what the Word
// status report prints are the same words, and an amount and a date read the same in the app's
// formatter and in the exported document. The CLI runs as a real process; the Word files are read
// back with mammoth.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIATIVE_STATUSES, type InitiativeStatus, type StrategyFile } from '../../../shared/format/schema';
import { updateSettings } from '../../../renderer/src/settings/settings';
import { formatAmount, formatDate, formatPeriod, statusLabel } from '../../../renderer/src/plans/format';
import { t } from '../../../renderer/src/i18n/i18n';

const root = join(import.meta.dirname, '../../..');

function pejling(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(root, 'bin/pejling.js'), ...args], { cwd: root, timeout: 90_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

/** A small strategy written for this test: one initiative per status, a budget with øre, a dated status round. */
function strategy(language: 'da' | 'en'): StrategyFile {
  const initiative = (status: InitiativeStatus, i: number) => ({
    id: `i-${status}`,
    title: `Initiativ ${i + 1}`,
    focusAreaIds: [status === 'cancelled' ? 'fa-only-cancelled' : 'fa-served'],
    ownerId: 'o-it',
    status,
    start: '2025-01',
    end: '2026-06',
    statusUpdates: [{ date: '2025-11-20', status: status === 'delayed' ? ('active' as const) : status, note: 'Opfølgning' }],
    ...(status === 'active' ? { budget: { amountDkk: 1234.5 } } : {}),
  });
  return {
    format: 'pejling-strategy',
    formatVersion: 1,
    meta: { title: 'Ordforrådsprøve', organisation: 'Prøvekommune', period: { from: 2025, to: 2028 }, language, date: '2025-12-01' },
    vision: { statement: 'Én betegnelse for hvert begreb.' },
    perspectives: [
      {
        id: 'p-1',
        title: 'Borgerne',
        focusAreas: [
          { id: 'fa-served', title: 'Selvbetjening', body: '' },
          { id: 'fa-only-cancelled', title: 'Papirpost', body: '' },
        ],
      },
    ],
    owners: [{ id: 'o-it', name: 'It-afdelingen', kind: 'unit' }],
    actionPlans: [
      {
        id: 'ap-1',
        title: 'Handlingsplan 2025-2026',
        kind: 'common',
        period: { from: 2025, to: 2026 },
        initiatives: INITIATIVE_STATUSES.map(initiative),
      },
    ],
  };
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pejling-vocabulary-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function wordText(file: string, part: string, asOf?: string): Promise<string> {
  const out = join(work, `${part.replace(/\W/g, '-')}-${file.replace(/\W/g, '')}.docx`);
  const result = await pejling(['export', join(work, file), '--docx', out, '--part', part, '--page-numbers', 'quick', ...(asOf ? ['--as-of', asOf] : [])]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (await mammoth.extractRawText({ buffer: await readFile(out) })).value;
}

for (const lang of ['da', 'en'] as const) {
  describe(`one vocabulary (${lang})`, () => {
    const file = `strategy-${lang}.json`;
    beforeAll(async () => {
      await writeFile(join(work, file), JSON.stringify(strategy(lang)));
      updateSettings({ language: lang });
    });

    it('the status words of the app are the words of `pejling check --json`', async () => {
      const result = await pejling(['check', join(work, file), '--json', '--lang', lang]);
      expect(result.stderr).toBe('');
      const findings = JSON.parse(result.stdout) as { code: string; id: string; message: string }[];
      const differs = findings.find((f) => f.code === 'status-differs-from-latest-update' && f.id === 'i-delayed');
      expect(differs?.message).toContain(statusLabel('delayed'));
      expect(differs?.message).toContain(statusLabel('active'));
      const lonely = findings.find((f) => f.code === 'focus-area-without-initiative' && f.id === 'fa-only-cancelled');
      expect(lonely?.message).toContain(statusLabel('cancelled'));
      // and no other word for "cancelled" slipped in
      for (const other of lang === 'da' ? ['aflyst', 'Opgivet', 'opgivne'] : ['Abandoned', 'Dropped']) {
        expect(result.stdout).not.toContain(other);
      }
    });

    it('the status words of the app are the words of the Word status report', async () => {
      const text = await wordText(file, 'status');
      const lines = text.split('\n').map((l) => l.trim());
      for (const status of INITIATIVE_STATUSES) expect(lines).toContain(statusLabel(status));
      // The report's heading is a word of the catalog too
      expect(text).toContain(t('export.statusReportTitle'));
    });

    it('an amount, a date and a period read the same in the app and in Word', async () => {
      const plan = await wordText(file, 'plan:ap-1');
      const amount = formatAmount(1234.5);
      expect(amount).toBe(lang === 'da' ? '1.234,50\u00a0kr.' : 'DKK\u00a01,234.50');
      expect(plan).toContain(amount);
      const period = formatPeriod('2025-01', '2026-06');
      expect(period).toBe(lang === 'da' ? 'jan.\u00a02025–jun.\u00a02026' : 'Jan\u00a02025–Jun\u00a02026');
      expect(plan).toContain(period);
      const report = await wordText(file, 'status', '2025-12-31');
      const date = formatDate('2025-11-20');
      expect(date).toBe(lang === 'da' ? '20.\u00a0november\u00a02025' : '20\u00a0November\u00a02025');
      expect(report).toContain(date);
      expect(report).toContain(formatDate('2025-12-31'));
    });
  });
}
