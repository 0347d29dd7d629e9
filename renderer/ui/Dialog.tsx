// A modal built on <dialog>: the browser traps focus, Escape closes, and the
// page behind is inert, which is what keyboard and screen-reader users expect.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog(props: { title: string; onClose: () => void; testId?: string; className?: string; children: ReactNode }): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // React removes the element before this cleanup runs, so the browser cannot give focus back itself.
    const returnFocusTo = document.activeElement;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (returnFocusTo instanceof HTMLElement && returnFocusTo.isConnected) returnFocusTo.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.className === undefined ? 'dialog' : `dialog ${props.className}`}
      aria-labelledby={titleId}
      data-testid={props.testId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}
