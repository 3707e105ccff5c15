#!/usr/bin/env node
// `npm test`: typecheck, lint, dead code (knip), unit + integration tests (Vitest), then the end-to-end tests in browser mode
// (Playwright + Debian's Chromium), including the Electron end-to-end test where the runtime exists.
// Ends with one summary line "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime } from './electron-runtime.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'test-results');
mkdirSync(reports, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${title} (${seconds} s)`);
  if (!ok) failures.push(title);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint (incl. layering rules)', bin('eslint'), ['--max-warnings', '0', '.']);
step('dead code: unused files, exports, dependencies (knip)', bin('knip'), ['--no-progress']);

const vitestReport = join(reports, 'vitest.json');
step('unit and integration tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  totals.failed += vitest.numFailedTests ?? 0;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}

const chromium = process.env.PEJLING_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const message = `Chromium was not found at ${chromium}: install it with "sudo apt-get install chromium" to run the end-to-end tests.`;
  if (process.env.CI === 'true') {
    console.error(`✖ ${message}`);
    failures.push('end-to-end tests (no Chromium)');
  } else {
    console.log(`⚠ ${message} Skipping them.`);
  }
} else if (step('build (renderer + Electron main)', process.execPath, ['scripts/build.js'])) {
  const runtime = findElectronRuntime();
  if ('missing' in runtime) {
    console.log(`\nⓘ The Electron end-to-end test will be skipped: ${runtime.missing}; it runs where the runtime exists.`);
  }
  const playwrightReport = join(reports, 'playwright.json');
  step('end-to-end tests (browser mode, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
    PEJLING_SKIP_BUILD: '1',
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  });
  const playwright = readJson(playwrightReport);
  if (playwright?.stats) {
    totals.passed += playwright.stats.expected ?? 0;
    totals.failed += (playwright.stats.unexpected ?? 0) + (playwright.stats.flaky ?? 0);
    totals.skipped += playwright.stats.skipped ?? 0;
  }
}

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);
