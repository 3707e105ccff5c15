// The benchmark's report: a table on the terminal, bench/results/latest.json (every figure with value,
// unit, baseline, ratio, budget, pass/fail and details) and bench/results/latest.md (the same, for people).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatValue, statusText, type Figure } from './figures';
import { RESULTS_DIR } from './paths';

export interface RunInfo {
  mode: 'quick' | 'full';
  startedAt: string;
  durationMs: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[]; node: string; chromium?: string };
  notes: string[];
}

export interface Report extends RunInfo {
  figures: Figure[];
  budgets: { met: number; missed: number; errors: number };
}

export function buildReport(info: RunInfo, figures: Figure[]): Report {
  return {
    ...info,
    figures,
    budgets: {
      met: figures.filter((f) => f.pass === true).length,
      missed: figures.filter((f) => f.pass === false && !f.error).length,
      errors: figures.filter((f) => f.error).length,
    },
  };
}

function rows(figures: Figure[]): string[][] {
  return figures.map((f) => [
    f.title,
    formatValue(f.value, f.unit),
    f.baseline ? `${formatValue(f.baseline.value, f.baseline.unit)} (${f.baseline.label})` : '',
    f.ratio === null ? '' : `${f.ratio}×`,
    f.budget ?? '',
    f.error ? `ERROR: ${f.error}` : statusText(f.pass),
  ]);
}

const HEADER = ['Figure', 'Value', 'Baseline (same run)', 'Ratio', 'Budget', 'Status'];

/** A plain-text table for the terminal. */
export function formatTable(report: Report): string {
  const out: string[] = [];
  const groups = [...new Set(report.figures.map((f) => f.group))];
  const all = rows(report.figures).map((r) => r.map((cell) => (cell.length > 70 ? `${cell.slice(0, 67)}…` : cell)));
  const widths = HEADER.map((h, i) => Math.max(h.length, ...all.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  out.push(line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const group of groups) {
    out.push(`[${group}]`);
    report.figures.forEach((f, i) => {
      if (f.group === group) out.push(line(all[i]!));
    });
  }
  out.push(
    '',
    `Budgets: ${report.budgets.met} met, ${report.budgets.missed} missed${report.budgets.errors ? `, ${report.budgets.errors} measurements failed` : ''}. ` +
      `Mode: ${report.mode}; ${Math.round(report.durationMs / 1000)} s; load average ${report.machine.loadAverageAtStart.map((l) => l.toFixed(1)).join('/')} at start.`,
  );
  return out.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatMarkdown(report: Report): string {
  const m = report.machine;
  const out: string[] = [
    '# Pejling benchmark results',
    '',
    `Mode **${report.mode}**, started ${report.startedAt}, took ${Math.round(report.durationMs / 1000)} s. ` +
      `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB; load average ${m.loadAverageAtStart.map((l) => l.toFixed(2)).join(' / ')} at start, ` +
      `${m.loadAverageAtEnd.map((l) => l.toFixed(2)).join(' / ')} at the end (1/5/15 min); Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}.`,
    '',
    'Every figure was measured in this run together with its baseline; the ratio is value ÷ baseline. How to read this: bench/README.md.',
    '',
    `**Budgets: ${report.budgets.met} met, ${report.budgets.missed} missed${report.budgets.errors ? `, ${report.budgets.errors} measurements failed` : ''}.**`,
    '',
  ];
  for (const group of [...new Set(report.figures.map((f) => f.group))]) {
    out.push(`## ${group}`, '', `| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`);
    const figures = report.figures.filter((f) => f.group === group);
    for (const row of rows(figures)) out.push(`| ${row.map(escapeCell).join(' | ')} |`);
    out.push('');
    for (const f of figures) {
      if (!f.details) continue;
      out.push(`<details><summary>${escapeCell(f.title)}: details</summary>`, '', '```json', JSON.stringify(f.details, null, 2), '```', '', '</details>', '');
    }
  }
  if (report.notes.length) out.push('## Notes', '', ...report.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

export async function writeReport(report: Report, dir = RESULTS_DIR): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const markdown = join(dir, 'latest.md');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, formatMarkdown(report));
  return { json, markdown };
}
