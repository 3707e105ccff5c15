// One Word export in a fresh process, so its peak memory (maxRSS) is the export's own:
//   npx tsx bench/export-child.ts STRATEGY.json MODE OUT.docx [STYLE]
// MODE is a page-number mode of main/export/layout-pass.ts: estimate, quick, libreoffice or auto.
// Prints one JSON line: { exportMs, layoutMs, passes, verified, pageSource, bytes, maxRssKiB }.
import { readFile, writeFile } from 'node:fs/promises';
import type { StrategyFile } from '../shared/format/schema';
import { exportDocxWithLayout, type PageNumberMode } from '../main/export/layout-pass';
import { loadHouseStyle } from '../main/export/styles';

const MODES = ['estimate', 'quick', 'libreoffice', 'auto'];
const [file, modeArg, out, styleName = 'kommune'] = process.argv.slice(2);
if (!file || !modeArg || !MODES.includes(modeArg) || !out) {
  console.error(`usage: tsx bench/export-child.ts STRATEGY.json ${MODES.join('|')} OUT.docx [STYLE]`);
  process.exit(2);
}
const mode = modeArg as PageNumberMode;
const strategy = JSON.parse(await readFile(file, 'utf8')) as StrategyFile;
const { style, logo } = await loadHouseStyle(styleName);
const started = performance.now();
const result = await exportDocxWithLayout(strategy, { part: 'strategy', style, ...(logo ? { logo } : {}), pageNumbers: mode, now: new Date('2026-03-02T12:00:00Z') });
const exportMs = performance.now() - started;
await writeFile(out, result.bytes);
console.log(
  JSON.stringify({
    exportMs,
    layoutMs: result.timings.layoutMs,
    passes: result.passes,
    verified: result.verified,
    pageSource: result.pageSource,
    fallbackReason: result.fallbackReason,
    pageCount: result.pageCount,
    bytes: result.bytes.byteLength,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
