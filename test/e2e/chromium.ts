import { existsSync } from 'node:fs';

/** Flags for Debian's Chromium on machines with no network but loopback (README.md, "Troubleshooting"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.PEJLING_CHROMIUM ?? '/usr/bin/chromium';
}

export function chromiumMissingMessage(): string | null {
  if (existsSync(chromiumPath())) return null;
  return `Chromium was not found at ${chromiumPath()}. Install it with "sudo apt-get install chromium" (or set PEJLING_CHROMIUM to its path) to run the end-to-end tests.`;
}
