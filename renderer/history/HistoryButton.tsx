// "Lịch sử" in the editor's status bar: opens the story's revision history.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function HistoryButton(props: { onOpen: () => void }): ReactNode {
  const { t } = useTranslation('history');
  return (
    <button
      type="button"
      className="button"
      data-testid="history-button"
      aria-keyshortcuts="Control+Shift+H"
      title={t('buttonHint')}
      onClick={props.onOpen}
    >
      {t('button')}
    </button>
  );
}
