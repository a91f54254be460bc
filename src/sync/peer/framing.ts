import type { SyncLog } from './log';

// WebRTC data channels silently drop any message over 256 KiB and keep reporting themselves connected (DESIGN §5),
// so every message travels as frames of at most 64 KiB and is put back together on the other side.
//
// A frame: version (1 byte), message id, frame index, frame count (uint32 big-endian each), then the payload.
// Every frame but the last carries a full payload, so a message's size is known from its first frame and the
// limits apply before anything is buffered.

const FRAME_VERSION = 1;
export const FRAME_HEADER_BYTES = 13;
export const MAX_FRAME_BYTES = 64 * 1024;
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** Messages being reassembled at once; over an ordered channel there is only ever one. */
const MAX_IN_FLIGHT = 8;
/** Finished (complete or dropped) ids remembered, so a late frame of one is not taken for the start of a new message. */
const RECENT_IDS = 64;

export interface FramingLimits {
  /** Bytes per frame, header included. */
  maxFrameBytes?: number;
  maxMessageBytes?: number;
  maxInFlight?: number;
}

function payloadBytes(maxFrameBytes: number): number {
  if (!Number.isInteger(maxFrameBytes) || maxFrameBytes <= FRAME_HEADER_BYTES) {
    throw new RangeError(`frame size must be an integer above ${FRAME_HEADER_BYTES} bytes, got ${maxFrameBytes}`);
  }
  return maxFrameBytes - FRAME_HEADER_BYTES;
}

/** Splits messages into frames; one per direction of a channel, since message ids count up per sender. */
export class FrameWriter {
  private nextId = 0;
  private readonly payload: number;
  private readonly maxMessageBytes: number;

  constructor(limits: FramingLimits = {}) {
    this.payload = payloadBytes(limits.maxFrameBytes ?? MAX_FRAME_BYTES);
    this.maxMessageBytes = limits.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  }

  split(message: Uint8Array): Uint8Array[] {
    if (message.byteLength > this.maxMessageBytes) {
      throw new RangeError(`message of ${message.byteLength} bytes is over the ${this.maxMessageBytes}-byte limit`);
    }
    const id = this.nextId;
    this.nextId = (this.nextId + 1) >>> 0;
    const count = Math.max(1, Math.ceil(message.byteLength / this.payload));
    const frames: Uint8Array[] = [];
    for (let index = 0; index < count; index += 1) {
      const chunk = message.subarray(index * this.payload, (index + 1) * this.payload);
      const frame = new Uint8Array(FRAME_HEADER_BYTES + chunk.byteLength);
      const view = new DataView(frame.buffer);
      view.setUint8(0, FRAME_VERSION);
      view.setUint32(1, id);
      view.setUint32(5, index);
      view.setUint32(9, count);
      frame.set(chunk, FRAME_HEADER_BYTES);
      frames.push(frame);
    }
    return frames;
  }
}

interface Partial {
  count: number;
  parts: (Uint8Array | undefined)[];
  received: number;
  bytes: number;
}

/**
 * Puts frames back into messages, in any order; drops duplicate frames, and drops a whole message whose frames
 * disagree (count, size) or that is crowded out by newer ones before it completes. Never throws.
 */
export class FrameReader {
  private readonly partials = new Map<number, Partial>();
  private readonly recent: number[] = [];
  private readonly payload: number;
  private readonly maxFrames: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly log: SyncLog,
    limits: FramingLimits = {},
  ) {
    this.payload = payloadBytes(limits.maxFrameBytes ?? MAX_FRAME_BYTES);
    this.maxFrames = Math.max(1, Math.ceil((limits.maxMessageBytes ?? MAX_MESSAGE_BYTES) / this.payload));
    this.maxInFlight = limits.maxInFlight ?? MAX_IN_FLIGHT;
  }

  /** Messages still missing frames. */
  get pending(): number {
    return this.partials.size;
  }

  /** Takes one frame; returns the message it completes, if any. */
  push(frame: Uint8Array): Uint8Array | undefined {
    if (frame.byteLength < FRAME_HEADER_BYTES || frame.byteLength > FRAME_HEADER_BYTES + this.payload || frame[0] !== FRAME_VERSION) {
      this.log({ code: 'bad_frame', detail: `frame of ${frame.byteLength} bytes, version ${frame[0] ?? 'none'}` });
      return undefined;
    }
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const id = view.getUint32(1);
    const index = view.getUint32(5);
    const count = view.getUint32(9);
    const chunk = frame.subarray(FRAME_HEADER_BYTES);

    if (this.recent.includes(id)) {
      this.log({ code: 'duplicate_frame', detail: `message ${id} frame ${index}: message already complete or dropped` });
      return undefined;
    }
    if (count === 0 || count > this.maxFrames) {
      this.drop(id, 'message_too_large', `message ${id} announces ${count} frames, limit ${this.maxFrames}`);
      return undefined;
    }
    const last = index === count - 1;
    if (index >= count || (!last && chunk.byteLength !== this.payload)) {
      this.drop(id, 'garbled_message', `message ${id} frame ${index} of ${count} carries ${chunk.byteLength} bytes`);
      return undefined;
    }
    let partial = this.partials.get(id);
    if (partial && partial.count !== count) {
      this.drop(id, 'garbled_message', `message ${id} frame ${index} says ${count} frames, earlier ones ${partial.count}`);
      return undefined;
    }
    if (!partial) {
      if (count === 1) return this.complete(id, chunk.slice());
      this.evictOldest();
      partial = { count, parts: new Array<Uint8Array | undefined>(count), received: 0, bytes: 0 };
      this.partials.set(id, partial);
    }
    if (partial.parts[index]) {
      this.log({ code: 'duplicate_frame', detail: `message ${id} frame ${index} arrived twice` });
      return undefined;
    }
    // Copied: the channel may reuse the frame's buffer once this returns.
    partial.parts[index] = chunk.slice();
    partial.received += 1;
    partial.bytes += chunk.byteLength;
    if (partial.received < count) return undefined;

    this.partials.delete(id);
    const message = new Uint8Array(partial.bytes);
    let offset = 0;
    for (const part of partial.parts as Uint8Array[]) {
      message.set(part, offset);
      offset += part.byteLength;
    }
    return this.complete(id, message);
  }

  private complete(id: number, message: Uint8Array): Uint8Array {
    this.recent.push(id);
    if (this.recent.length > RECENT_IDS) this.recent.shift();
    return message;
  }

  private drop(id: number, code: 'garbled_message' | 'message_too_large', detail: string): void {
    this.partials.delete(id);
    this.complete(id, new Uint8Array(0));
    this.log({ code, detail: `${detail}; message dropped` });
  }

  private evictOldest(): void {
    if (this.partials.size < this.maxInFlight) return;
    const [oldest, partial] = this.partials.entries().next().value as [number, Partial];
    this.partials.delete(oldest);
    this.log({ code: 'incomplete_message', detail: `message ${oldest} dropped with ${partial.received} of ${partial.count} frames` });
  }
}
