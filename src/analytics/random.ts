// A small seeded generator, so every randomised step (k-means++ starts, silhouette samples) is reproducible from
// its seed on any device. Math.random cannot be seeded.

/** Uniform numbers in [0, 1) with 53 random bits, from two outputs of mulberry32 (a 32-bit state generator). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
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
