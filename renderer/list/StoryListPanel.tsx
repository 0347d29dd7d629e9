// The sidebar: filters, then either the filtered stories or, while the search
// box has text, the search hits.
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueCounts, Settings } from '../../core/api';
import { QueueBar } from '../workflow/QueueBar';
import { narrowsList, withoutFilters, type ListFilters } from './filters';
import { ListFiltersBar } from './ListFiltersBar';
import type { SaveStateInfo } from './SaveStateBadge';
import { HitRow, StoryRow } from './StoryRow';
import type { SearchState } from './useSearch';
import { useNow } from './useNow';
import type { StoryPages } from './useStoryPages';
import { VirtualListbox } from './VirtualListbox';

const STORY_ROW_HEIGHT = 76;
/** With a workflow line: who holds the story and since when, its deadline. */
const WORKFLOW_ROW_HEIGHT = 94;
const HIT_ROW_HEIGHT = 88;

export interface StoryListPanelProps {
  language: Settings['language'];
  filters: ListFilters;
  onFiltersChange: (filters: ListFilters) => void;
  sections: readonly string[];
  pages: StoryPages;
  search: SearchState;
  query: string;
  selectedId: string | null;
  saveStates: ReadonlyMap<string, SaveStateInfo>;
  onOpen: (id: string) => void;
  /** The desk's views and their counts; null (not offered) until a newsroom account is known. */
  queues?: QueueCounts | null;
}

export function StoryListPanel(props: StoryListPanelProps): ReactNode {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const { pages, search, selectedId, onOpen } = props;
  const hits = search.hits;
  const { items, hasMore, loadMore } = pages;
  const queues = props.queues?.user ? props.queues : null;

  const storyKey = useCallback((index: number) => items[index]?.id ?? `missing-${index}`, [items]);
  const onNearEnd = useCallback(() => {
    if (hasMore) loadMore();
  }, [hasMore, loadMore]);

  // A mark for benchmarks and profiles: when the writer first sees stories.
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || items.length === 0) return;
    marked.current = true;
    performance.mark('newsdesk:list-first-rows');
  }, [items.length]);

  let status: string | null = null;
  // An empty list under filters says so, with a way out, instead of "no stories yet".
  let clearable = false;
  if (hits !== null) {
    if (search.error !== null) status = search.error.message;
    else if (search.searching && hits.length === 0) status = t('list.searching');
    else if (hits.length === 0 && !search.searching) status = t('list.noHits', { query: props.query.trim() });
  } else if (pages.error !== null) status = pages.error.message;
  else if (!pages.loaded) status = t('list.loading');
  else if (items.length === 0 && narrowsList(props.filters)) {
    status = props.filters.trashed ? t('list.noMatchInTrash') : t('list.noMatch');
    clearable = true;
  } else if (items.length === 0) status = props.filters.trashed ? t('list.emptyTrash') : t('list.empty');
  else if (pages.loading) status = t('list.loadingMore');

  return (
    <aside className="sidebar" aria-label={t('list.region')}>
      {queues !== null && (
        <QueueBar counts={queues} selected={props.filters.queue} disabled={hits !== null} onSelect={(queue) => props.onFiltersChange({ ...props.filters, queue })} />
      )}
      <ListFiltersBar filters={props.filters} sections={props.sections} disabled={hits !== null} onChange={props.onFiltersChange} />
      {hits !== null && <div className="list-caption">{t('list.hitsCaption', { count: hits.length })}</div>}
      {hits !== null ? (
        <VirtualListbox
          key="hits"
          label={t('list.hitsLabel')}
          testId="story-list"
          rowTestId="story-row"
          count={hits.length}
          rowHeight={HIT_ROW_HEIGHT}
          complete
          rowKey={(index) => hits[index]?.id ?? `missing-${index}`}
          isSelected={(index) => hits[index]?.id === selectedId}
          renderRow={(index) => {
            const hit = hits[index];
            return hit === undefined ? null : <HitRow hit={hit} />;
          }}
          onActivate={(index) => {
            const hit = hits[index];
            if (hit !== undefined) onOpen(hit.id);
          }}
        />
      ) : (
        <VirtualListbox
          key="stories"
          label={t('list.label')}
          testId="story-list"
          rowTestId="story-row"
          count={items.length}
          rowHeight={queues !== null ? WORKFLOW_ROW_HEIGHT : STORY_ROW_HEIGHT}
          complete={!hasMore}
          rowKey={storyKey}
          isSelected={(index) => items[index]?.id === selectedId}
          renderRow={(index) => {
            const story = items[index];
            return story === undefined ? null : (
              <StoryRow story={story} saveState={props.saveStates.get(story.id)} now={now} language={props.language} workflowLine={queues !== null} />
            );
          }}
          onActivate={(index) => {
            const story = items[index];
            if (story !== undefined) onOpen(story.id);
          }}
          onNearEnd={onNearEnd}
        />
      )}
      <div className="list-status" role="status" aria-live="polite" data-testid="list-status">
        {status}
        {clearable && (
          <button type="button" className="button list-clear-filters" data-testid="clear-filters" onClick={() => props.onFiltersChange(withoutFilters(props.filters))}>
            {t('list.clearFilters')}
          </button>
        )}
      </div>
    </aside>
  );
}
