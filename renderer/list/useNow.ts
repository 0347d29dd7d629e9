import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`, so that "5 phút trước" keeps up without each row keeping a timer. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
