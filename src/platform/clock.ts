/** Epoch milliseconds; a seam so tests can fix time. */
export let now: () => number = () => Date.now();

export function setClockForTests(clock: () => number): void {
  now = clock;
}
