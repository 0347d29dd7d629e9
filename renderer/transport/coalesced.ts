// Views that refresh on events (a save, a sync, a restore) can be told to ask
// many times in a burst. This keeps one request in flight at a time: asks that
// arrive meanwhile fold into one more request after it, so the view ends up
// current without a queue of identical calls.
export interface CoalescedRequest {
  ask(): void;
  stop(): void;
}

export function coalescedRequest(request: () => Promise<unknown>): CoalescedRequest {
  let asking = false;
  let again = false;
  let stopped = false;
  const ask = (): void => {
    if (stopped) return;
    if (asking) {
      again = true;
      return;
    }
    asking = true;
    void request()
      .catch(() => undefined)
      .finally(() => {
        asking = false;
        if (again && !stopped) {
          again = false;
          ask();
        }
      });
  };
  return {
    ask,
    stop: () => {
      stopped = true;
    },
  };
}
