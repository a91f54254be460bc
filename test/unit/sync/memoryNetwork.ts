import { mulberry32 } from '../../../src/analytics/random';
import type { PeerChannel } from '../../../src/sync/peer/channel';

export interface MemoryLink {
  /** The two ends, as raw (frame-level) channels. */
  ends: [PeerChannel, PeerChannel];
  /** Bytes sent from end 0 to end 1, and from 1 to 0. */
  bytes: [number, number];
  /** Every chunk that went from end `from` to the other end, as sent. */
  traffic: [Uint8Array[], Uint8Array[]];
  cut(): void;
}

/**
 * In-memory ordered pipes with random delivery delays (0 to maxDelayMs, drawn from a seeded generator) that keep
 * each direction in order, as a WebRTC data channel does. Cutting a link closes both ends, as a partition does.
 */
export class MemoryNetwork {
  inFlight = 0;
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly maxDelayMs = 0,
  ) {
    this.random = mulberry32(seed);
  }

  link(): MemoryLink {
    const handlers: [((m: Uint8Array) => void) | undefined, ((m: Uint8Array) => void) | undefined] = [undefined, undefined];
    const closeHandlers: [(() => void)[], (() => void)[]] = [[], []];
    const queues: [Uint8Array[], Uint8Array[]] = [[], []];
    let open = true;
    const bytes: [number, number] = [0, 0];
    const traffic: [Uint8Array[], Uint8Array[]] = [[], []];
    const cut = () => {
      if (!open) return;
      open = false;
      for (const handler of [...closeHandlers[0], ...closeHandlers[1]]) handler();
    };
    const end = (side: 0 | 1): PeerChannel => {
      const other = side === 0 ? 1 : 0;
      return {
        send: (message) => {
          if (!open) return;
          const copy = message.slice();
          bytes[side] += copy.byteLength;
          traffic[side].push(copy);
          queues[other].push(copy);
          this.inFlight += 1;
          // Each timer delivers the oldest queued message, so order holds whichever timer fires first.
          setTimeout(() => {
            this.inFlight -= 1;
            const next = queues[other].shift();
            if (open && next) handlers[other]?.(next);
          }, this.random() * this.maxDelayMs);
        },
        onMessage: (handler) => {
          handlers[side] = handler;
        },
        onClose: (handler) => {
          closeHandlers[side].push(handler);
        },
        close: cut,
      };
    };
    return { ends: [end(0), end(1)], bytes, traffic, cut };
  }
}
