import { useEffect, useState } from 'react';

// Charts are costly to draw the first time (recharts lays out and measures every axis label). Mounting them all in
// one go blocks the page for hundreds of milliseconds; queued one per task, each draws in a short task of its own
// and the page stays responsive in between.

const queue: (() => void)[] = [];
let pumping = false;

function pump(): void {
  queue.shift()?.();
  if (queue.length > 0) setTimeout(pump, 0);
  else pumping = false;
}

/** False on the first render; true once this component's turn in the queue has come. */
export function useStaggeredMount(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let mounted = true;
    queue.push(() => mounted && setReady(true));
    if (!pumping) {
      pumping = true;
      setTimeout(pump, 0);
    }
    return () => {
      mounted = false;
    };
  }, []);
  return ready;
}
