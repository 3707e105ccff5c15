// Loopback checks. Without an auth file the server only serves this machine: it listens on loopback,
// and (against DNS rebinding and cross-site WebSockets from web pages) only answers requests whose Host
// and Origin name this machine.
import { isIP } from 'node:net';

/** A listen host or Host-header hostname that stays on this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const lower = bare.toLowerCase();
  if (lower === 'localhost' || lower.endsWith('.localhost')) return true;
  if (isIP(lower) === 4) return lower.startsWith('127.');
  if (isIP(lower) === 6) return lower === '::1' || lower === '0:0:0:0:0:0:0:1' || lower.startsWith('::ffff:127.');
  return false;
}

/** The hostname of a Host header value ("127.0.0.1:4455", "[::1]:80", "localhost"). */
export function hostnameOfHostHeader(value: string): string {
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end > 0 ? value.slice(0, end + 1) : value;
  }
  const colon = value.indexOf(':');
  return colon >= 0 ? value.slice(0, colon) : value;
}

/** True for an Origin header of a page served from this machine (any port), or "null"-free absence. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}
