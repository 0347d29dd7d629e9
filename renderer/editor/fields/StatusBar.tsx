// Above the text: whether the story is saved, how long it is against the
// section's target, how long it takes to read, and the explicit save.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoryCounts } from '../document/counts';
import type { SaveStatus } from '../useStoryDocument';

const SAVE_LABEL = { saved: 'saved', saving: 'saving', error: 'saveError' } as const;

export function SaveStateLabel(props: { save: SaveStatus }): ReactNode {
  const { t } = useTranslation('editor');
  const { state, message } = props.save;
  return (
    <span
      className={`nd-save-state is-${state}`}
      data-testid="save-state"
      data-state={state}
      role="status"
      title={message ?? undefined}
      aria-description={message ?? undefined}
    >
      {t(SAVE_LABEL[state])}
    </span>
  );
}

export function CountsLabel(props: { counts: StoryCounts }): ReactNode {
  const { t } = useTranslation('editor');
  const { words, minutes, target, progress } = props.counts;
  return (
    <span className="nd-counts">
      <span data-testid="word-count">{target === null ? t('words', { count: words }) : t('wordsOfTarget', { count: words, target })}</span>
      {progress !== null && (
        <progress className={`nd-target ${progress >= 1 ? 'is-reached' : ''}`} max={1} value={progress} aria-label={t('lengthTarget')} data-testid="length-target" />
      )}
      <span className="nd-reading-time" data-testid="reading-time">
        {t('minutes', { count: minutes })}
      </span>
    </span>
  );
}

export function StatusBar(props: { save: SaveStatus; counts: StoryCounts; onSaveRevision: () => void; tools?: ReactNode; readOnly?: boolean }): ReactNode {
  const { t } = useTranslation('editor');
  return (
    <div className="nd-status">
      <SaveStateLabel save={props.save} />
      <CountsLabel counts={props.counts} />
      <button type="button" className="button" onClick={props.onSaveRevision} disabled={props.readOnly} data-testid="save-revision">
        {t('saveRevision')}
      </button>
      {props.tools}
    </div>
  );
}
