import { useEffect, useState } from 'react';
import { now } from '../../../platform/clock';

/** The time, read again every `everyMs`: SLA warnings, "today" and reminders follow the clock while a page stays open. */
export function useNow(everyMs = 30_000): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return time;
}
