// The related-stories block as the writer sees it: the titles, as the site
// will link them, with buttons to edit or remove the block.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelatedStoryRef } from '../../../core/story';

export function RelatedStoriesView(props: { stories: readonly RelatedStoryRef[]; onEdit: () => void; onRemove: () => void }): ReactNode {
  const { t } = useTranslation('editor');
  return (
    <aside className="nd-related" data-testid="related-stories" aria-label={t('related')}>
      <div className="nd-related-head">
        <span className="nd-related-title">{t('related')}</span>
        <button type="button" className="button button-quiet" onClick={props.onEdit}>
          {t('relatedEdit')}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onRemove} aria-label={t('relatedRemoveBlock')}>
          ×
        </button>
      </div>
      {props.stories.length === 0 ? (
        <p className="nd-muted">{t('relatedEmpty')}</p>
      ) : (
        <ul>
          {props.stories.map((story, index) => (
            <li key={`${story.id ?? 'title'}-${index}`} className={story.id === null ? 'nd-related-unlinked' : undefined}>
              {story.title}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
