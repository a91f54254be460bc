import { encryptedChannel, framedChannel, type PeerChannel } from './channel';
import type { WorkspaceKeys } from './crypto';
import type { SyncLog } from './log';

// An RTCDataChannel as the ordered pipe the sync protocol runs over. Two traps of data channels are handled here
// and in framing.ts: a message over 256 KiB is dropped without a word (so everything goes as 64 KiB frames), and
// a send that overfills the channel's buffer (16 MiB in Chromium) closes the channel (so frames wait in a queue of
// our own until the buffer drains below a low-water mark).

/** The members of RTCDataChannel used here, so tests can stand in a fake. */
export interface DataChannelLike {
  readonly readyState: 'connecting' | 'open' | 'closing' | 'closed';
  readonly bufferedAmount: number;
  bufferedAmountLowThreshold: number;
  binaryType: string;
  send(data: Uint8Array<ArrayBuffer>): void;
  close(): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: Event) => void) | null;
  onbufferedamountlow: ((event: Event) => void) | null;
}

/** Stop handing frames to the channel above this much buffered; resume when it drains below the low mark. */
export const HIGH_WATER_BYTES = 4 * 1024 * 1024;
export const LOW_WATER_BYTES = 1024 * 1024;

/** The raw, frame-level channel: ordered, with back-pressure; messages here must already be frames. */
export function dataChannelTransport(channel: DataChannelLike, log: SyncLog): PeerChannel {
  const queue: Uint8Array[] = [];
  const early: Uint8Array[] = [];
  const closeHandlers: (() => void)[] = [];
  let handler: ((message: Uint8Array) => void) | undefined;
  let closed = false;

  channel.binaryType = 'arraybuffer';
  channel.bufferedAmountLowThreshold = LOW_WATER_BYTES;
  const pump = () => {
    while (queue.length > 0 && channel.readyState === 'open' && channel.bufferedAmount < HIGH_WATER_BYTES) {
      channel.send(queue.shift() as Uint8Array<ArrayBuffer>);
    }
  };
  channel.onopen = pump;
  channel.onbufferedamountlow = pump;
  channel.onmessage = ({ data }: MessageEvent) => {
    if (!(data instanceof ArrayBuffer)) {
      log({ code: 'bad_frame', detail: `data channel delivered ${typeof data}, not binary` });
      return;
    }
    const frame = new Uint8Array(data);
    if (handler) handler(frame);
    else early.push(frame);
  };
  channel.onclose = () => {
    if (closed) return;
    closed = true;
    queue.length = 0;
    for (const onClose of closeHandlers) onClose();
  };

  return {
    send: (frame) => {
      if (closed) return;
      queue.push(frame);
      pump();
    },
    onMessage: (next) => {
      handler = next;
      for (const frame of early.splice(0)) next(frame);
    },
    onClose: (onClose) => closeHandlers.push(onClose),
    close: () => channel.close(),
  };
}

/** The channel a PeerSession runs over: frames on the data channel, each message sealed with the data key. */
export function webrtcPeerChannel(channel: DataChannelLike, keys: WorkspaceKeys, log: SyncLog): PeerChannel {
  return encryptedChannel(framedChannel(dataChannelTransport(channel, log), log), keys.data, log);
}
