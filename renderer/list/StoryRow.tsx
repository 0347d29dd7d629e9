import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, Settings, StorySummary } from '../../core/api';
import { Highlighted } from './Highlighted';
import { formatDateTime, formatRelativeTime } from './relative-time';
import { SaveStateBadge, type SaveStateInfo } from './SaveStateBadge';
import { StoryRowWorkflow } from '../workflow/StoryRowWorkflow';

const SAVED: SaveStateInfo = { state: 'saved' };

export const StoryRow = memo(function StoryRow(props: {
  story: StorySummary;
  saveState: SaveStateInfo | undefined;
  now: number;
  language: Settings['language'];
  /** Show who holds the story and since when, and its deadline (the desk's views are on). */
  workflowLine?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const { story } = props;
  return (
    <div className="story-row" data-story-id={story.id}>
      <div className="story-row-headline">{story.headline.trim() === '' ? t('list.untitled') : story.headline}</div>
      <div className="story-row-meta">
        {story.localOnly ? (
          <span className="status-badge status-local" data-testid="row-local-only" title={t('list.localOnlyHint')}>
            {t('list.localOnly')}
          </span>
        ) : (
          <span className={`status-badge status-${story.status}`}>{t(`status.${story.status}`)}</span>
        )}
        {story.section !== '' && <span className="story-row-section">{story.section}</span>}
        <span className="story-row-words">{t('list.words', { count: story.wordCount })}</span>
        <time className="story-row-time" dateTime={story.updatedAt} title={formatDateTime(story.updatedAt, props.language)}>
          {formatRelativeTime(story.updatedAt, props.now, t, props.language)}
        </time>
        <SaveStateBadge info={props.saveState ?? SAVED} testId="row-save-state" />
      </div>
      {props.workflowLine && <StoryRowWorkflow story={story} now={props.now} />}
    </div>
  );
});

export const HitRow = memo(function HitRow(props: { hit: SearchHit }): ReactNode {
  const { t } = useTranslation();
  const { hit } = props;
  return (
    <div className="story-row is-hit" data-story-id={hit.id}>
      <div className="story-row-headline">{hit.headline.trim() === '' ? t('list.untitled') : hit.headline}</div>
      <div className="story-row-snippet">
        <Highlighted snippet={hit.snippet} />
      </div>
    </div>
  );
});
