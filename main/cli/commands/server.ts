// `pejling server [--host 127.0.0.1] [--port 4455] [--data DIR] [--auth FILE]`
// Runs the sync server (and serves the built renderer for browser mode) until SIGINT/SIGTERM.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../cli-error';
import { AuthFileError } from '../../server/auth';
import { createPejlingServer, ServerStartError } from '../../server/server';
import { defaultDataDir } from '../../storage/data-dir';
import { createHost, type Host } from '../../host/host';
import { createHttpApi } from '../../host/http-api';
import { StorageError, type DocumentPersistence } from '../../storage/types';
import { jsonLineLogger } from '../../sync/sync-log';
import { installProcessGuards } from '../../server/process-guards';
import { RendererBuilder } from '../../server/static-files';

export const DEFAULT_PORT = 4455;

interface ServerArgs {
  host: string;
  port: number;
  dataDir: string;
  authFile?: string;
}

export function parseServerArgs(args: string[]): ServerArgs {
  const parsed: ServerArgs = { host: '127.0.0.1', port: DEFAULT_PORT, dataDir: defaultDataDir() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new CliError(`${flag} needs a value.`, 2);
      return v;
    };
    switch (flag) {
      case '--host':
        parsed.host = value();
        break;
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not '${text}'.`, 2);
        parsed.port = port;
        break;
      }
      case '--data':
        parsed.dataDir = resolve(value());
        break;
      case '--auth':
        parsed.authFile = resolve(value());
        break;
      default:
        throw new CliError(`Unknown option '${arg}'. Usage: pejling server [--host 127.0.0.1] [--port 4455] [--data DIR] [--auth FILE]`, 2);
    }
  }
  return parsed;
}

export async function run(args: string[]): Promise<number> {
  const options = parseServerArgs(args);
  const log = jsonLineLogger((line) => process.stderr.write(line));
  // Test knob: delays every durable write, widening the window in which a server that relayed before
  // writing would lose an update on SIGKILL (test/integration/server-crash.test.ts).
  const appendDelayMs = Number(process.env.PEJLING_TEST_APPEND_DELAY_MS ?? 0);
  let host: Host | null = null;
  let server;
  try {
    // The host owns storage and rooms. Without --auth (loopback only) it also serves browser mode's /api routes:
    // document list, templates, import/export. A shared server with --auth only syncs: it exposes no document
    // management to anyone holding a token.
    host = await createHost({
      dataDir: options.dataDir,
      kind: 'browser',
      rooms: { log, unloadAfterMs: 10_000, maxConnectionsPerDocument: 50 },
      ...(appendDelayMs > 0 ? { wrapPersistence: (p: DocumentPersistence) => delayedAppends(p, appendDelayMs) } : {}),
    });
    // PEJLING_RENDERER_DIR: where the renderer is served from (and built to if missing); a test knob.
    const staticDir = process.env.PEJLING_RENDERER_DIR || fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
    const rendererBuilder = await RendererBuilder.forRepository(fileURLToPath(new URL('../../..', import.meta.url)), staticDir, log);
    server = await createPejlingServer({
      host: options.host,
      port: options.port,
      rooms: host.rooms,
      persistence: host.persistence,
      authFile: options.authFile,
      staticDir,
      rendererBuilder,
      ...(options.authFile ? {} : { httpHandler: createHttpApi(host.api) }),
      logger: log,
    });
  } catch (error) {
    await host?.close();
    if (error instanceof ServerStartError || error instanceof AuthFileError || error instanceof StorageError) {
      throw new CliError(error.message, 1);
    }
    throw error;
  }
  // An error no handler caught is logged (and its room closed), never the end of the server.
  installProcessGuards(log, host.rooms);
  console.log(`Pejling server listening on ${server.url} (data: ${options.dataDir})`);

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals | 'parent-exit') => {
      if (stopping) {
        // A second signal: the user insists.
        process.exit(130);
      }
      stopping = true;
      log({ event: 'shutdown', phase: 'begin', reason: signal });
      const closeAll = async () => {
        await server.close();
        await host?.close();
      };
      closeAll().then(
        () => {
          resolveExit(0);
          // Nothing should be left running, but never hang after a clean shutdown.
          setTimeout(() => process.exit(0), 2000).unref();
        },
        async (error: unknown) => {
          if (error instanceof StorageError && error.code === 'disk-full') {
            // Writes refused for a full disk were never acknowledged: everything acknowledged is on disk (storage).
            console.error(`pejling: disk full: ${error.message}`);
            await host?.close().catch(() => undefined);
            resolveExit(0);
            setTimeout(() => process.exit(0), 2000).unref();
            return;
          }
          console.error(`pejling: shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          resolveExit(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('SIGHUP', stop);
    watchParent(() => stop('parent-exit'));
  });
}

/**
 * `npx pejling server` runs as npm → `sh -c pejling …` → node. On SIGTERM npm ends and so does the shell,
 * but the shell does not pass the signal on: the server used to keep running with the port and the data
 * folder's lock (issue 11). So when npm started us (it sets `npm_command`), the parent going away is
 * taken as the signal to stop. Polled (every 500 ms) because Node has no event for it. Not done
 * otherwise, so `nohup pejling server &` keeps running after its shell has gone.
 * PEJLING_EXIT_WITH_PARENT=1 forces the watch, =0 turns it off.
 */
function watchParent(onExit: () => void): void {
  const setting = process.env.PEJLING_EXIT_WITH_PARENT;
  const wanted = setting === '1' || (setting !== '0' && process.env.npm_command !== undefined);
  if (!wanted) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onExit();
    }
  }, 500);
  timer.unref();
}

function delayedAppends(store: DocumentPersistence, ms: number): DocumentPersistence {
  return {
    load: (name) => store.load(name),
    append: async (name, update) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await store.append(name, update);
    },
    flush: () => store.flush(),
    close: () => store.close(),
  };
}
