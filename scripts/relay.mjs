#!/usr/bin/env node
// `npm run relay`: an always-on peer for a team past one network, or whose devices are rarely online together
// (DESIGN §5). A Hocuspocus server that keeps every workspace document it is given in SQLite and passes changes
// between the devices connected to it.
//
// Access without accounts: a device derives a relay token from the workspace secret and names its documents
// `<room>/<document>`, where the room is the SHA-256 of that token (src/data/sync/relayLink.ts). The server checks
// that the token hashes to the room, so it stores no keys, and only a device holding the secret can read or write
// a room. It does see document contents: run it where the team trusts, or use peers only.
//
//   node scripts/relay.mjs [--host 127.0.0.1] [--port 4445] [--database rapport-relay.sqlite]

import { createHash, timingSafeEqual } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

export const DEFAULT_RELAY_PORT = 4445;
/** A first sync of 100k customers is ~32 MB in one message. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const DOCUMENT_NAME = /^([0-9a-f]{64})\/([A-Za-z0-9-]{1,64})$/;

/**
 * @typedef {object} RelayServerOptions
 * @property {string} [host] interface to bind; 127.0.0.1 by default
 * @property {number} [port] 0 picks a free port
 * @property {string} [database] SQLite file; ":memory:" keeps nothing
 * @property {(line: string) => void} [log]
 * @property {(documentName: string, document: import('yjs').Doc) => void} [watch] sees each document after a change
 *   (tests check what reached the relay)
 */

/**
 * @typedef {object} RelayServer
 * @property {string} url ws://host:port
 * @property {number} port
 * @property {() => Promise<void>} close
 */

/**
 * Whether `token` opens the room named in `documentName` (the room is the hex SHA-256 of the token).
 * @param {string} documentName
 * @param {string} token
 */
export function tokenOpensRoom(documentName, token) {
  const match = DOCUMENT_NAME.exec(documentName);
  if (!match || typeof token !== 'string' || token.length === 0 || token.length > 256) return false;
  const expected = Buffer.from(match[1] ?? '', 'hex');
  const actual = createHash('sha256').update(token).digest();
  return timingSafeEqual(expected, actual);
}

/**
 * @param {RelayServerOptions} [options]
 * @returns {Promise<RelayServer>}
 */
export async function startRelayServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const server = new Server({
    address: host,
    port: options.port ?? DEFAULT_RELAY_PORT,
    quiet: true,
    stopOnSignals: false,
    websocketOptions: { maxPayload: MAX_MESSAGE_BYTES },
    extensions: [new SQLite({ database: options.database ?? 'rapport-relay.sqlite' })],
    async onAuthenticate({ documentName, token }) {
      if (!tokenOpensRoom(documentName, token)) {
        log(`refused a connection to ${documentName.slice(0, 80)}: the token does not open that room`);
        throw new Error('not authorised');
      }
    },
    async onChange({ documentName, document }) {
      options.watch?.(documentName, document);
    },
  });
  await server.listen();
  const port = server.address.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `ws://${shownHost}:${port}`, port, close: () => server.destroy() };
}

async function main() {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(DEFAULT_RELAY_PORT) },
      database: { type: 'string', default: 'rapport-relay.sqlite' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be an integer from 0 to 65535, got "${values.port}"`);
    process.exit(2);
  }
  const relay = await startRelayServer({ host: values.host, port, database: values.database, log: (line) => console.warn(line) });
  console.info(`Rapport relay on ${relay.url}, documents in ${values.database}`);
  console.info('The relay can read the documents it keeps; peers only (npm run signal) keeps data off any server.');
  const stop = () => {
    void relay.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
