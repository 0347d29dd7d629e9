// The store defers some work out of its writes (search-index merging, WAL
// checkpoints; see db/maintenance.ts) so that saves stay fast while someone
// types. This runs that work once the writer pauses, one bounded step at a
// time, and yields to any new write.
export interface StoreUpkeep {
  /** A write happened: wait for the next pause before tidying. */
  touch(): void;
  stop(): void;
}

export function startStoreUpkeep(
  tidyStep: () => boolean,
  options: { idleMs?: number; stepGapMs?: number; onError?: (error: unknown) => void } = {},
): StoreUpkeep {
  const idleMs = options.idleMs ?? 1_000;
  const stepGapMs = options.stepGapMs ?? 50;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(step, delay);
    timer.unref?.();
  };
  const step = () => {
    timer = null;
    let more = false;
    try {
      more = tidyStep();
    } catch (error) {
      options.onError?.(error);
    }
    if (more) schedule(stepGapMs);
  };

  return {
    touch: () => schedule(idleMs),
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
