// What the editor pane mounts for the history: the "Lịch sử" button (shown in
// the editor's status bar), Ctrl+Shift+H, and the panel itself. The panel lives
// beside the editor rather than inside it, so that it stays open while the
// editor reloads the restored text.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isPrimaryShortcut } from '../editor/plugins/shortcuts';
import type { NewsdeskClient } from '../transport';
import { HistoryButton } from './HistoryButton';
import { HistoryPanel } from './HistoryPanel';

/** Ctrl+Shift+H (Cmd+Shift+H on macOS) anywhere, unless another dialog is open. */
function useHistoryShortcut(open: (() => void) | null): void {
  useEffect(() => {
    if (open === null) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isPrimaryShortcut(event, 'h', { shift: true })) return;
      event.preventDefault();
      if (document.querySelector('dialog[open]') === null) open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

export function useHistoryPanel(props: { client: NewsdeskClient; storyId: string | null; onRestored: () => void }): {
  button: ReactNode;
  panel: ReactNode;
} {
  const { client, storyId, onRestored } = props;
  // Kept with the story it was opened for, so that opening another story closes it.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const open = useCallback(() => setOpenFor(storyId), [storyId]);
  const close = useCallback(() => {
    setOpenFor(null);
    // After a restore the editor, and the button that opened the panel, were made anew: focus the new button.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) document.querySelector<HTMLElement>('[data-testid="history-button"]')?.focus();
    });
  }, []);
  useHistoryShortcut(storyId === null ? null : open);

  const button = useMemo(() => <HistoryButton onOpen={open} />, [open]);
  const panel =
    storyId !== null && openFor === storyId ? (
      <HistoryPanel key={`history:${storyId}`} client={client} storyId={storyId} onClose={close} onRestored={onRestored} />
    ) : null;
  return { button, panel };
}
