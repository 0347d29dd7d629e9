// When to paint the misspelling marks again: one pending paint at a time, the
// latest request's delay winning (typing keeps pushing it back). Shared by the
// body and the plain fields.
export interface RepaintTimer {
  schedule(delayMs: number): void;
  cancel(): void;
}

export function repaintTimer(paint: () => void): RepaintTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    schedule(delayMs) {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        paint();
      }, delayMs);
    },
    cancel,
  };
}
