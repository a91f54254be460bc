import type { Rng } from './random';

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex = (byte: number): string => HEX[byte] as string;

/**
 * A UUIDv7 (RFC 9562) whose 48-bit time prefix is `ms` and whose 74 random bits come from the seeded generator:
 * version nibble 7, variant bits 10.
 */
export function uuidV7(ms: number, rng: Rng): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 2 ** 48) throw new RangeError(`uuidV7 time out of range: ${ms}`);
  const high = Math.floor(ms / 4294967296);
  const low = ms >>> 0;
  const r1 = rng.uint32();
  const r2 = rng.uint32();
  const r3 = rng.uint32();
  return (
    hex(high >>> 8) +
    hex(high & 0xff) +
    hex(low >>> 24) +
    hex((low >>> 16) & 0xff) +
    '-' +
    hex((low >>> 8) & 0xff) +
    hex(low & 0xff) +
    '-' +
    hex(0x70 | (r1 & 0x0f)) +
    hex((r1 >>> 4) & 0xff) +
    '-' +
    hex(0x80 | ((r1 >>> 12) & 0x3f)) +
    hex((r1 >>> 18) & 0xff) +
    '-' +
    hex(r2 >>> 24) +
    hex((r2 >>> 16) & 0xff) +
    hex((r2 >>> 8) & 0xff) +
    hex(r2 & 0xff) +
    hex(r3 >>> 24) +
    hex((r3 >>> 16) & 0xff)
  );
}
