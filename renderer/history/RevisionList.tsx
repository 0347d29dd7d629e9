// The story's revisions, newest first: why each was written, by whom and when.
// A listbox with one tab stop: arrows, Home and End move through it and choose,
// as in any list of choices; a click or Enter chooses too.
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary, Settings } from '../../core/api';
import { revisionTime } from './revision-time';

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (index, last) => Math.min(index + 1, last),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_index, last) => last,
};

export function RevisionList(props: {
  revisions: readonly RevisionSummary[];
  selectedId: string | null;
  now: number;
  language: Settings['language'];
  onSelect: (id: string) => void;
  listRef?: RefObject<HTMLOListElement | null>;
}): ReactNode {
  const { revisions, selectedId, onSelect } = props;
  const { t } = useTranslation('history');
  const { t: tApp } = useTranslation();
  const tabStop = revisions.some((revision) => revision.id === selectedId) ? selectedId : (revisions[0]?.id ?? null);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number): void => {
    const move = MOVES[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const next = revisions[move(index, revisions.length - 1)];
      if (next === undefined) return;
      onSelect(next.id);
      const list = event.currentTarget.parentElement;
      list?.querySelector<HTMLElement>(`[data-revision-id="${next.id}"]`)?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const revision = revisions[index];
      if (revision !== undefined) onSelect(revision.id);
    }
  };

  return (
    <ol ref={props.listRef} className="history-list" role="listbox" aria-label={t('listLabel')}>
      {revisions.map((revision, index) => {
        const time = revisionTime(revision.createdAt, props.now, tApp, props.language);
        const selected = revision.id === selectedId;
        return (
          <li
            key={revision.id}
            role="option"
            aria-selected={selected}
            tabIndex={revision.id === tabStop ? 0 : -1}
            className={`history-item${selected ? ' is-selected' : ''}`}
            data-testid="history-item"
            data-revision-id={revision.id}
            data-reason={revision.reason}
            data-open={revision.open ? 'true' : undefined}
            data-server-rev={revision.serverRev}
            onClick={() => onSelect(revision.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span className="history-item-reason">
              {t(`reason.${revision.reason}`)}
              {revision.open && (
                <span className="history-item-open" title={t('openAutosaveHint')}>
                  {' · '}
                  {t('openAutosave')}
                </span>
              )}
              {revision.serverRev !== undefined && (
                <span className="history-item-server" title={t('onServerHint', { rev: revision.serverRev })}>
                  {' · '}
                  {t('onServer')}
                </span>
              )}
            </span>
            <span className="history-item-author">{t('byAuthor', { author: revision.author })}</span>
            <span className="history-item-time">
              <time dateTime={revision.createdAt}>{time.relative}</time>
              <span className="history-item-absolute">{time.absolute}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
