import { describe, expect, test } from 'vitest';
import { FRAME_HEADER_BYTES, FrameReader, FrameWriter, MAX_FRAME_BYTES } from '../../../src/sync/peer/framing';
import type { SyncLogEntry } from '../../../src/sync/peer/log';
import { mulberry32 } from '../../../src/analytics/random';

const SEED = 4_2026;
console.info(`framing tests: seed ${SEED}`);

function randomMessage(bytes: number, random: () => number): Uint8Array {
  const words = new Uint32Array(Math.ceil(bytes / 4));
  for (let i = 0; i < words.length; i += 1) words[i] = Math.floor(random() * 2 ** 32);
  return new Uint8Array(words.buffer, 0, bytes);
}

function reader(limits = {}): { reader: FrameReader; logs: SyncLogEntry[] } {
  const logs: SyncLogEntry[] = [];
  return { reader: new FrameReader((entry) => logs.push(entry), limits), logs };
}

function feed(target: FrameReader, frames: Uint8Array[]): Uint8Array[] {
  return frames.flatMap((frame) => target.push(frame) ?? []);
}

describe('framing', () => {
  test('a 3 MB message travels as 64 KiB frames and comes back byte for byte', () => {
    const message = randomMessage(3 * 1024 * 1024, mulberry32(SEED));
    const frames = new FrameWriter().split(message);
    expect(frames).toHaveLength(Math.ceil(message.byteLength / (MAX_FRAME_BYTES - FRAME_HEADER_BYTES)));
    expect(Math.max(...frames.map((frame) => frame.byteLength))).toBe(MAX_FRAME_BYTES);
    const { reader: target, logs } = reader();
    const out = feed(target, frames);
    expect(out).toHaveLength(1);
    expect(Buffer.from(out[0] as Uint8Array).equals(message)).toBe(true);
    expect(logs).toEqual([]);
    expect(target.pending).toBe(0);
  });

  test('an empty message is one frame; messages keep their boundaries', () => {
    const writer = new FrameWriter({ maxFrameBytes: FRAME_HEADER_BYTES + 4 });
    const messages = [new Uint8Array(0), Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), Uint8Array.of(7)];
    const frames = messages.flatMap((m) => writer.split(m));
    expect(frames.map((f) => f.byteLength)).toEqual([13, 17, 17, 14, 14]);
    const { reader: target, logs } = reader({ maxFrameBytes: FRAME_HEADER_BYTES + 4 });
    expect(feed(target, frames)).toEqual(messages);
    expect(logs).toEqual([]);
  });

  test('frames out of order and interleaved between two messages are put back together', () => {
    const random = mulberry32(SEED + 1);
    const writer = new FrameWriter({ maxFrameBytes: 1000 });
    const first = randomMessage(10_000, random);
    const second = randomMessage(5_000, random);
    const frames = [...writer.split(first), ...writer.split(second)];
    for (let i = frames.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [frames[i], frames[j]] = [frames[j] as Uint8Array, frames[i] as Uint8Array];
    }
    const { reader: target, logs } = reader({ maxFrameBytes: 1000 });
    const out = feed(target, frames);
    expect(new Set(out.map((m) => m.byteLength))).toEqual(new Set([10_000, 5_000]));
    expect(out.find((m) => m.byteLength === 10_000)).toEqual(first);
    expect(out.find((m) => m.byteLength === 5_000)).toEqual(second);
    expect(logs).toEqual([]);
  });

  test('a duplicate frame is ignored and logged, during and after its message', () => {
    const writer = new FrameWriter({ maxFrameBytes: 100 });
    const message = randomMessage(300, mulberry32(SEED + 2));
    const [a, b, c, d] = writer.split(message) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    const { reader: target, logs } = reader({ maxFrameBytes: 100 });
    expect(feed(target, [a, b, a, c, d, b])).toEqual([message]);
    expect(logs.map((l) => l.code)).toEqual(['duplicate_frame', 'duplicate_frame']);
  });

  test('garbled frames drop their message with a log line; the next message still arrives', () => {
    const writer = new FrameWriter({ maxFrameBytes: 100 });
    const frames = writer.split(randomMessage(250, mulberry32(SEED + 3)));
    const [first, second] = frames as [Uint8Array, Uint8Array];
    const shortMiddle = second.slice(0, 50);
    const badVersion = first.slice();
    badVersion[0] = 9;
    const wrongCount = first.slice();
    new DataView(wrongCount.buffer).setUint32(9, 7);
    const { reader: target, logs } = reader({ maxFrameBytes: 100 });
    feed(target, [Uint8Array.of(1, 2, 3), badVersion, first, shortMiddle]);
    expect(target.pending).toBe(0);
    const next = Uint8Array.of(42);
    expect(feed(target, [wrongCount, ...writer.split(next)])).toEqual([next]);
    expect(logs.map((l) => l.code)).toEqual(['bad_frame', 'bad_frame', 'garbled_message', 'duplicate_frame']);
    expect(logs[2]?.detail).toMatch(/frame 1 of 3 carries 37 bytes; message dropped/);
  });

  test('size limits: an announced message over the limit is refused before anything is buffered', () => {
    const big = new FrameWriter({ maxFrameBytes: 100 }).split(new Uint8Array(1000));
    const { reader: target, logs } = reader({ maxFrameBytes: 100, maxMessageBytes: 500 });
    expect(feed(target, big)).toEqual([]);
    expect(target.pending).toBe(0);
    expect(logs[0]).toEqual({ code: 'message_too_large', detail: 'message 0 announces 12 frames, limit 6; message dropped' });
    expect(() => new FrameWriter({ maxMessageBytes: 10 }).split(new Uint8Array(11))).toThrow(/11 bytes is over the 10-byte limit/);
  });

  test('incomplete messages crowded out by newer ones are dropped with a log line', () => {
    const writer = new FrameWriter({ maxFrameBytes: 100 });
    const starts = [0, 1, 2].map(() => (writer.split(new Uint8Array(200)) as Uint8Array[])[0] as Uint8Array);
    const { reader: target, logs } = reader({ maxFrameBytes: 100, maxInFlight: 2 });
    feed(target, starts);
    expect(target.pending).toBe(2);
    expect(logs).toEqual([{ code: 'incomplete_message', detail: 'message 0 dropped with 1 of 3 frames' }]);
  });
});
