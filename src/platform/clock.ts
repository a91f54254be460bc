/** Readings further apart than this are two clocks, not one clock read a message's journey apart. */
const SAME_CLOCK_MS = 1000;
let skew = 0;

/** Epoch milliseconds; a seam so tests can fix time. */
export let now: () => number = () => Date.now() + skew;

export function setClockForTests(clock: () => number): void {
  now = clock;
}

/**
 * Keeps this thread's `now` with another's reading of the time (the leader's worker follows the tabs it serves). On
 * one device both read the same clock and nothing changes; a page whose clock a test has set (playwright's clock
 * reaches pages, not workers) then stamps its commands with its own time.
 */
export function followClock(reading: number): void {
  const difference = reading - Date.now();
  skew = Math.abs(difference) > SAME_CLOCK_MS ? difference : 0;
}
