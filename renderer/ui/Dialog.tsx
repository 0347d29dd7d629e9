// Every dialog of the app is built from these pieces, so that all of them look
// alike wherever they are opened (the link dialog and the related-story picker
// open from inside the story's serif text; the dialog's own styles reset what
// they would otherwise inherit, see dialog.css):
//
//   <Dialog title onClose testId wide?>
//     <DialogBody>  <DialogField label htmlFor hint?>…</DialogField> … </DialogBody>
//     <DialogActions> …buttons, <DialogSpacer/> pushes the rest right… </DialogActions>
//   </Dialog>
//
// It is a modal built on <dialog>: the browser traps focus, Escape closes, and
// the page behind is inert, which is what keyboard and screen-reader users expect.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog(props: {
  title: string;
  onClose: () => void;
  testId?: string;
  /** Wide dialogs hold tables and comparisons; the others hold a few fields. */
  wide?: boolean;
  className?: string;
  children: ReactNode;
}): ReactNode {
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
  const classes = ['dialog', props.wide === true ? 'dialog-wide' : null, props.className].filter((c) => c !== null && c !== undefined);
  return (
    <dialog
      ref={ref}
      className={classes.join(' ')}
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

/** The dialog's content, padded and scrolling on its own when it is long. */
export function DialogBody(props: { className?: string; children: ReactNode }): ReactNode {
  return <div className={props.className === undefined ? 'dialog-body' : `dialog-body ${props.className}`}>{props.children}</div>;
}

/** The row of buttons at the bottom; the first action of a form goes last, on the right. */
export function DialogActions(props: { children: ReactNode }): ReactNode {
  return <div className="dialog-actions">{props.children}</div>;
}

/** Pushes the actions after it to the right end of the row. */
export function DialogSpacer(): ReactNode {
  return <span className="spacer" />;
}

/** A label on its own line above its field, and an optional hint under it. */
export function DialogField(props: { label: ReactNode; htmlFor: string; hint?: ReactNode; hintId?: string; children: ReactNode }): ReactNode {
  return (
    <div className="field">
      <label htmlFor={props.htmlFor}>{props.label}</label>
      {props.children}
      {props.hint !== undefined && (
        <p className="field-hint" id={props.hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
