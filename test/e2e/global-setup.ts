import { execFileSync } from 'node:child_process';
import { chromiumMissingMessage } from './chromium';

// Builds the renderer once before the end-to-end tests (scripts/test.js builds first and sets PEJLING_SKIP_BUILD).
export default function globalSetup(): void {
  const missing = chromiumMissingMessage();
  if (missing) throw new Error(missing);
  if (!process.env.PEJLING_SKIP_BUILD) {
    execFileSync(process.execPath, ['scripts/build.js', '--renderer'], { stdio: 'inherit' });
  }
}
