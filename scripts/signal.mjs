#!/usr/bin/env node
// `npm run signal`: the WebSocket signaling server a team runs so its devices can find each other for WebRTC
// (DESIGN §5). It speaks y-webrtc's signaling protocol — subscribe / unsubscribe / publish on topics, ping / pong —
// and relays what it is given without reading it: Rapport's payloads are encrypted with a key derived from the
// workspace secret and the topic is derived from the secret too, so the server sees neither data nor workspace ids.
//
// Unlike y-webrtc's bin/server.js it binds 127.0.0.1 unless told otherwise, survives malformed JSON, caps message
// size and topics per connection, and only relays a publish from a connection subscribed to its topic.
//
//   node scripts/signal.mjs [--host 127.0.0.1] [--port 4444]

import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocketServer } from 'ws';

export const DEFAULT_PORT = 4444;
/** An encrypted SDP offer is a few kilobytes; nothing legitimate comes near this. */
export const MAX_MESSAGE_BYTES = 128 * 1024;
export const MAX_TOPICS_PER_CONNECTION = 32;
const MAX_TOPIC_CHARS = 256;
const PING_INTERVAL_MS = 30_000;

/**
 * @typedef {object} SignalServerOptions
 * @property {string} [host] interface to bind; 127.0.0.1 by default
 * @property {number} [port] 0 picks a free port
 * @property {number} [maxMessageBytes]
 * @property {number} [maxTopics] topics one connection may subscribe to
 * @property {number} [pingIntervalMs]
 * @property {(text: string) => void} [tap] sees every message the server receives (tests check it holds no clear text)
 * @property {(line: string) => void} [log]
 */

/**
 * @typedef {object} SignalServer
 * @property {string} url ws://host:port
 * @property {number} port
 * @property {() => Promise<void>} close closes every connection and stops listening
 */

/**
 * @param {import('ws').WebSocket} socket
 * @param {object} message
 */
function send(socket, message) {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(JSON.stringify(message), (error) => {
    if (error) socket.terminate();
  });
}

/**
 * @param {unknown} value
 * @returns {string[]}
 */
function topicsOf(value) {
  if (!Array.isArray(value)) return [];
  return value.filter((topic) => typeof topic === 'string' && topic.length > 0 && topic.length <= MAX_TOPIC_CHARS);
}

/**
 * @param {SignalServerOptions} [options]
 * @returns {Promise<SignalServer>}
 */
export function startSignalServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const maxTopics = options.maxTopics ?? MAX_TOPICS_PER_CONNECTION;
  const log = options.log ?? (() => {});
  /** @type {Map<string, Set<import('ws').WebSocket>>} */
  const topics = new Map();

  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('Rapport signaling server\n');
  });
  const wss = new WebSocketServer({ server, maxPayload: options.maxMessageBytes ?? MAX_MESSAGE_BYTES });

  wss.on('connection', (socket) => {
    /** @type {Set<string>} */
    const subscribed = new Set();
    let alive = true;
    const heartbeat = setInterval(() => {
      if (!alive) {
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, options.pingIntervalMs ?? PING_INTERVAL_MS);
    socket.on('pong', () => {
      alive = true;
    });
    socket.on('error', (error) => log(`connection error: ${error.message}`));
    socket.on('close', () => {
      clearInterval(heartbeat);
      for (const topic of subscribed) {
        const receivers = topics.get(topic);
        receivers?.delete(socket);
        if (receivers?.size === 0) topics.delete(topic);
      }
      subscribed.clear();
    });
    socket.on('message', (data, isBinary) => {
      alive = true;
      if (isBinary) return;
      const text = data.toString();
      options.tap?.(text);
      /** @type {any} */
      let message;
      try {
        message = JSON.parse(text);
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null) return;
      switch (message.type) {
        case 'subscribe':
          for (const topic of topicsOf(message.topics)) {
            if (subscribed.has(topic)) continue;
            if (subscribed.size >= maxTopics) {
              send(socket, { type: 'error', reason: `at most ${maxTopics} topics per connection` });
              break;
            }
            subscribed.add(topic);
            let receivers = topics.get(topic);
            if (!receivers) topics.set(topic, (receivers = new Set()));
            receivers.add(socket);
          }
          break;
        case 'unsubscribe':
          for (const topic of topicsOf(message.topics)) {
            subscribed.delete(topic);
            const receivers = topics.get(topic);
            receivers?.delete(socket);
            if (receivers?.size === 0) topics.delete(topic);
          }
          break;
        case 'publish': {
          if (typeof message.topic !== 'string' || !subscribed.has(message.topic)) break;
          const receivers = topics.get(message.topic);
          if (!receivers) break;
          const relayed = { ...message, clients: receivers.size };
          for (const receiver of receivers) send(receiver, relayed);
          break;
        }
        case 'ping':
          send(socket, { type: 'pong' });
          break;
      }
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `ws://${shownHost}:${port}`,
        port,
        close: () =>
          new Promise((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close(() => server.close(() => done()));
          }),
      });
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be an integer from 0 to 65535, got "${values.port}"`);
    process.exit(2);
  }
  const signal = await startSignalServer({ host: values.host, port, log: (line) => console.warn(line) });
  console.info(`Rapport signaling server on ${signal.url}`);
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    console.info('Listening beyond this machine: any device that can reach it can relay through it (payloads stay encrypted).');
  }
  const stop = () => {
    void signal.close().then(() => process.exit(0));
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
