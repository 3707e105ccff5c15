// Browser mode for the benchmark when `pejling server` does not serve the host's /api routes yet:
// the same parts the server command is meant to combine (the host's store, rooms and HTTP API, the
// sync server, the built renderer), in one process. Used only as a fallback; the report says so.
//
//   npx tsx bench/browser-host.ts DATA_DIR      prints "… listening on http://127.0.0.1:PORT"
import { createHost } from '../main/host/host';
import { createHttpApi } from '../main/host/http-api';
import { createPejlingServer } from '../main/server/server';
import { RENDERER_DIST } from './lib/paths';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: tsx bench/browser-host.ts DATA_DIR');
  process.exit(2);
}
const host = await createHost({ dataDir, kind: 'browser' });
const server = await createPejlingServer({
  port: 0,
  persistence: host.persistence,
  rooms: host.rooms,
  httpHandler: createHttpApi(host.api),
  staticDir: RENDERER_DIST,
});
console.log(`Pejling browser host listening on ${server.url}`);
const stop = () => {
  void server
    .close()
    .then(() => host.close())
    .finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
