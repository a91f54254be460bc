/** Lets the browser paint and handle input between two slices of long work on the main thread. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
