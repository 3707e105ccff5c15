// Loopback checks. Without an auth file the server only serves this machine: it listens on loopback,
// and (against DNS rebinding and cross-site WebSockets from web pages) only answers requests whose Host
// names this server exactly (a loopback name or the configured host, with the port it listens on) and
// whose Origin, if any, is a page on a loopback name.
import { isIP } from 'node:net';

/** Host names that always mean this machine. Exact: `evil.localhost` is not one of them. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

function bare(host: string): string {
  const unbracketed = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return unbracketed.toLowerCase();
}

/** A listen host that stays on this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const lower = bare(host);
  if (lower === 'localhost') return true;
  if (isIP(lower) === 4) return lower.startsWith('127.');
  if (isIP(lower) === 6) return lower === '::1' || lower === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * A Host header value, split strictly: "name[:port]" or "[ipv6][:port]"; null for anything else
 * ("127.0.0.1:4455@evil.com", "127.0.0.1:evil", userinfo, paths, spaces).
 */
export function parseHostHeader(value: string): { hostname: string; port: number | null } | null {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match) return null;
  const port = match[2] === undefined ? null : Number(match[2]);
  if (port !== null && port > 65535) return null;
  return { hostname: bare(match[1]!), port };
}

/** Whether a request's Host header names this server: a loopback name or `configuredHost`, on `port`. */
export function isAllowedHostHeader(value: string | undefined, port: number, configuredHost: string): boolean {
  if (value === undefined) return false;
  const parsed = parseHostHeader(value);
  if (!parsed) return false;
  const nameOk = LOOPBACK_NAMES.has(parsed.hostname) || parsed.hostname === bare(configuredHost);
  const portOk = parsed.port === null ? port === 80 : parsed.port === port;
  return nameOk && portOk;
}

/** True for an Origin header of a page served from a loopback name (any port) or from `configuredHost`. */
export function isLoopbackOrigin(origin: string, configuredHost = '127.0.0.1'): boolean {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    if (url.username !== '' || url.password !== '') return false;
    const hostname = bare(url.hostname);
    return LOOPBACK_NAMES.has(hostname) || hostname === bare(configuredHost);
  } catch {
    return false;
  }
}
