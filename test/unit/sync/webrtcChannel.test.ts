import { describe, expect, test } from 'vitest';
import { deriveWorkspaceKeys, newWorkspaceSecret } from '../../../src/sync/peer/crypto';
import { MAX_FRAME_BYTES } from '../../../src/sync/peer/framing';
import type { SyncLogEntry } from '../../../src/sync/peer/log';
import { HIGH_WATER_BYTES, webrtcPeerChannel, type DataChannelLike } from '../../../src/sync/peer/webrtcChannel';
import { mulberry32 } from '../../../src/analytics/random';

const SEED = 7_2026;
console.info(`webrtc channel tests: seed ${SEED}`);

/** Chromium's limits: a message over 256 KiB vanishes, a send past 16 MiB buffered closes the channel. */
const MAX_MESSAGE = 256 * 1024;
const MAX_BUFFERED = 16 * 1024 * 1024;

type FakeChannel = DataChannelLike & {
  readyState: DataChannelLike['readyState'];
  bufferedAmount: number;
  peer: FakeChannel | undefined;
  deliver: (data: ArrayBuffer) => void;
};

/** A pair of fake data channels that drain 1 MiB per tick and enforce Chromium's limits by failing loudly. */
function fakePair() {
  const stats = { largestSend: 0, largestBuffered: 0 };
  const make = (): FakeChannel => {
    const buffered: Uint8Array[] = [];
    const drain = () => {
      let budget = 1024 * 1024;
      while (budget > 0 && buffered.length > 0) {
        const next = buffered.shift() as Uint8Array;
        budget -= next.byteLength;
        const before = channel.bufferedAmount;
        channel.bufferedAmount -= next.byteLength;
        channel.peer?.deliver(next.buffer as ArrayBuffer);
        if (before > channel.bufferedAmountLowThreshold && channel.bufferedAmount <= channel.bufferedAmountLowThreshold) channel.onbufferedamountlow?.(new Event('bufferedamountlow'));
      }
      if (buffered.length > 0) setTimeout(drain, 0);
    };
    const channel: FakeChannel = {
      readyState: 'open',
      bufferedAmount: 0,
      bufferedAmountLowThreshold: 0,
      binaryType: 'blob',
      peer: undefined,
      onopen: null,
      onmessage: null,
      onclose: null,
      onbufferedamountlow: null,
      send(data) {
        if (data.byteLength > MAX_MESSAGE) throw new Error(`a ${data.byteLength}-byte message would be dropped`);
        if (channel.bufferedAmount + data.byteLength > MAX_BUFFERED) throw new Error('send queue is full: the channel would close');
        stats.largestSend = Math.max(stats.largestSend, data.byteLength);
        buffered.push(data.slice());
        channel.bufferedAmount += data.byteLength;
        stats.largestBuffered = Math.max(stats.largestBuffered, channel.bufferedAmount);
        if (buffered.length === 1) setTimeout(drain, 0);
      },
      close() {
        channel.readyState = 'closed';
        channel.onclose?.(new Event('close'));
        if (channel.peer?.readyState === 'open') channel.peer.close();
      },
      deliver(data) {
        if (channel.binaryType !== 'arraybuffer') throw new Error('binaryType must be arraybuffer');
        channel.onmessage?.(new MessageEvent('message', { data }));
      },
    };
    return channel;
  };
  const [a, b] = [make(), make()];
  a.peer = b;
  b.peer = a;
  return { a, b, stats };
}

describe('WebRTC data channel as a peer channel', () => {
  test('a 20 MB message crosses in frames without ever overfilling the channel buffer; order is kept', async () => {
    const keys = await deriveWorkspaceKeys('019ab2c4-5d6e-7f80-9a1b-2c3d4e5f6a7b', newWorkspaceSecret());
    const logs: SyncLogEntry[] = [];
    const { a, b, stats } = fakePair();
    const sender = webrtcPeerChannel(a, keys, (entry) => logs.push(entry));
    const receiver = webrtcPeerChannel(b, keys, (entry) => logs.push(entry));
    const received: Uint8Array[] = [];
    receiver.onMessage((message) => received.push(message));

    const random = mulberry32(SEED);
    const big = new Uint8Array(20 * 1024 * 1024).map((_, i) => (i * 31 + Math.floor(random() * 4)) & 0xff);
    sender.send(Uint8Array.of(1));
    sender.send(big);
    sender.send(Uint8Array.of(2));
    const deadline = Date.now() + 15_000;
    while (received.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));

    expect(received.map((m) => m.byteLength)).toEqual([1, big.byteLength, 1]);
    expect(Buffer.from(received[1] as Uint8Array).equals(big)).toBe(true);
    expect(stats.largestSend).toBe(MAX_FRAME_BYTES);
    expect(stats.largestBuffered).toBeLessThan(HIGH_WATER_BYTES + MAX_FRAME_BYTES);
    expect(logs).toEqual([]);
  }, 20_000);

  test('closing one end closes the other; text messages are refused with a log line', async () => {
    const keys = await deriveWorkspaceKeys('019ab2c4-5d6e-7f80-9a1b-2c3d4e5f6a7b', newWorkspaceSecret());
    const logs: SyncLogEntry[] = [];
    const { a, b } = fakePair();
    const left = webrtcPeerChannel(a, keys, (entry) => logs.push(entry));
    const right = webrtcPeerChannel(b, keys, (entry) => logs.push(entry));
    let closed = 0;
    right.onMessage(() => {});
    right.onClose(() => (closed += 1));
    b.onmessage?.(new MessageEvent('message', { data: 'hello' }));
    left.close();
    expect(closed).toBe(1);
    expect(logs).toEqual([{ code: 'bad_frame', detail: 'data channel delivered string, not binary' }]);
  });
});
