// A small seeded generator, so every randomised step (k-means++ starts, silhouette samples) is reproducible from
// its seed on any device. Math.random cannot be seeded.

/** mulberry32: a small 32-bit state generator; each call gives 32 random bits as an unsigned integer. */
function mulberry32Bits(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform numbers in [0, 1) with 32 random bits: enough for shuffles and test data. */
export function mulberry32(seed: number): () => number {
  const next32 = mulberry32Bits(seed);
  return () => next32() / 4294967296;
}

/** Uniform numbers in [0, 1) with 53 random bits, from two outputs of mulberry32. */
export function seededRandom(seed: number): () => number {
  const next32 = mulberry32Bits(seed);
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/** Up to `count` distinct indices of 0..n-1 in random order (partial Fisher-Yates). */
export function sampleIndices(n: number, count: number, random: () => number): Uint32Array {
  const pool = new Uint32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  const m = Math.min(count, n);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = swap;
  }
  return pool.slice(0, m);
}
