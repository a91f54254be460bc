import { DecryptError, open, seal } from './crypto';
import { FrameReader, FrameWriter, type FramingLimits } from './framing';
import type { SyncLog } from './log';

/**
 * An ordered, reliable message pipe between two devices: a WebRTC data channel, a memory pipe in tests. The sync
 * protocol runs over any of them; framing and encryption are layers that wrap one channel into another.
 */
export interface PeerChannel {
  send(message: Uint8Array): void;
  /** The one receiver of incoming messages, called in arrival order; it must not throw. */
  onMessage(handler: (message: Uint8Array) => void): void;
  onClose(handler: () => void): void;
  close(): void;
  /** Settles once every message sent so far is in the underlying transport (a layer that sends later has one). */
  flushed?(): Promise<void>;
}

/** Sends each message as frames of at most 64 KiB over `raw`, and puts incoming frames back together. */
export function framedChannel(raw: PeerChannel, log: SyncLog, limits: FramingLimits = {}): PeerChannel {
  const writer = new FrameWriter(limits);
  const reader = new FrameReader(log, limits);
  return {
    send: (message) => {
      for (const frame of writer.split(message)) raw.send(frame);
    },
    onMessage: (handler) =>
      raw.onMessage((frame) => {
        const message = reader.push(frame);
        if (message) handler(message);
      }),
    onClose: (handler) => raw.onClose(handler),
    close: () => raw.close(),
    flushed: () => raw.flushed?.() ?? Promise.resolve(),
  };
}

/**
 * Seals every message with AES-GCM under `key` (the workspace's data key). Web Crypto is asynchronous, so both
 * directions run through a promise chain that keeps messages in order. A message that does not open under the key
 * is logged and dropped.
 */
export function encryptedChannel(inner: PeerChannel, key: CryptoKey, log: SyncLog): PeerChannel {
  let sending = Promise.resolve();
  let receiving = Promise.resolve();
  let closed = false;
  inner.onClose(() => {
    closed = true;
  });
  return {
    send: (message) => {
      sending = sending
        .then(() => seal(key, message))
        .then((sealed) => {
          if (!closed) inner.send(sealed);
        })
        .catch((error: unknown) => {
          // A message that cannot be sent leaves the other side behind: close, and the next session resyncs.
          if (closed) return;
          log({ code: 'send_failed', detail: `${message.byteLength}-byte message: ${String(error)}; channel closed` });
          inner.close();
        });
    },
    onMessage: (handler) =>
      inner.onMessage((sealed) => {
        receiving = receiving.then(async () => {
          let message: Uint8Array;
          try {
            message = await open(key, sealed);
          } catch (error) {
            const reason = error instanceof DecryptError ? error.message : String(error);
            log({ code: 'decrypt_failed', detail: `${sealed.byteLength}-byte message: ${reason}` });
            return;
          }
          if (!closed) handler(message);
        });
      }),
    onClose: (handler) => inner.onClose(handler),
    close: () => {
      closed = true;
      inner.close();
    },
    flushed: async () => {
      await sending;
      await inner.flushed?.();
    },
  };
}
