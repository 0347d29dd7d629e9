// Picks related stories from the local store: type a few words (accents
// optional, the store folds them), add hits, remove chosen ones, done.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../core/api';
import type { RelatedStoryRef } from '../../../core/story';
import { toServiceError } from '../../transport/client';
import { Dialog, DialogActions, DialogBody, DialogField, DialogSpacer } from '../../ui/Dialog';
import { useEditorServices } from '../EditorServices';

const SEARCH_DELAY_MS = 200;

type Results = { state: 'idle' } | { state: 'ready'; hits: SearchHit[] } | { state: 'failed'; message: string };

function useStorySearch(query: string): Results {
  const { client, storyId } = useEditorServices();
  const [results, setResults] = useState<Results>({ state: 'idle' });
  useEffect(() => {
    if (query.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      client.call('search.query', { query, limit: 20 }).then(
        (hits) => live && setResults({ state: 'ready', hits: hits.filter((hit) => hit.id !== storyId) }),
        (error: unknown) => live && setResults({ state: 'failed', message: toServiceError(error).message }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, storyId, query]);
  // While a newer query runs, the last results stay up instead of flickering away.
  return query.trim() === '' ? { state: 'idle' } : results;
}

export function RelatedPicker(props: { initial: readonly RelatedStoryRef[]; onDone: (stories: RelatedStoryRef[]) => void; onCancel: () => void }): ReactNode {
  const { t } = useTranslation('editor');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<RelatedStoryRef[]>([...props.initial]);
  const results = useStorySearch(query);
  const searchId = useId();
  const chosenIds = new Set(chosen.map((story) => story.id));

  return (
    <Dialog title={t('relatedPickerTitle')} onClose={props.onCancel} testId="related-picker" className="nd-related-picker">
      <DialogBody>
        <DialogField label={t('relatedSearch')} htmlFor={searchId}>
          <input
            id={searchId}
            type="search"
            autoFocus
            value={query}
            placeholder={t('relatedSearchPlaceholder')}
            data-testid="related-search"
            onChange={(event) => setQuery(event.currentTarget.value)}
          />
        </DialogField>
        <div className="nd-related-results" aria-live="polite">
          {results.state === 'failed' && <p role="alert">{t('relatedSearchFailed', { message: results.message })}</p>}
          {results.state === 'ready' && results.hits.length === 0 && <p className="field-hint">{t('relatedNoHits')}</p>}
          {results.state === 'ready' && results.hits.length > 0 && (
            <ul>
              {results.hits.map((hit) => (
                <li key={hit.id}>
                  <button
                    type="button"
                    className="button nd-related-hit"
                    disabled={chosenIds.has(hit.id)}
                    aria-label={t('relatedAdd', { title: hit.headline })}
                    onClick={() => setChosen((old) => [...old, { id: hit.id, title: hit.headline }])}
                  >
                    {hit.headline}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <h3>{t('relatedChosen')}</h3>
        {chosen.length === 0 ? (
          <p className="field-hint">{t('relatedEmpty')}</p>
        ) : (
          <ol className="nd-related-chosen" data-testid="related-chosen">
            {chosen.map((story, index) => (
              <li key={`${story.id ?? 'title'}-${index}`}>
                <span>{story.title}</span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('relatedRemove', { title: story.title })}
                  onClick={() => setChosen((old) => old.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </li>
            ))}
          </ol>
        )}
      </DialogBody>
      <DialogActions>
        <DialogSpacer />
        <button type="button" className="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => props.onDone(chosen)} data-testid="related-done">
          {t('relatedDone')}
        </button>
      </DialogActions>
    </Dialog>
  );
}
