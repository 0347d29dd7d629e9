// What the editor pane mounts for the audit log: the "Nhật ký" button in the
// editor's status bar, and the panel beside the editor, kept with the story
// it was opened for so that opening another story closes it.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsdeskClient } from '../transport';
import { AuditPanel } from './AuditPanel';

export function useAuditPanel(props: { client: NewsdeskClient; storyId: string | null }): { button: ReactNode; panel: ReactNode } {
  const { client, storyId } = props;
  const { t } = useTranslation('workflow');
  const [openFor, setOpenFor] = useState<string | null>(null);
  const toggle = useCallback(() => setOpenFor((old) => (old === storyId ? null : storyId)), [storyId]);
  const close = useCallback(() => setOpenFor(null), []);
  const open = storyId !== null && openFor === storyId;
  const button = useMemo(
    () => (
      <button type="button" className="button" aria-pressed={open} title={t('audit.buttonHint')} data-testid="audit-button" onClick={toggle}>
        {t('audit.button')}
      </button>
    ),
    [open, t, toggle],
  );
  const panel = open && storyId !== null ? <AuditPanel key={`audit:${storyId}`} client={client} storyId={storyId} onClose={close} /> : null;
  return { button, panel };
}
