// Tags as chips: type and press Enter (or a comma) to add, Backspace in the
// empty box removes the last one, each chip has its own remove button.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addTag } from '../document/story-meta';

export function TagsInput(props: { tags: readonly string[]; onChange: (tags: string[]) => void; onBlur: () => void }): ReactNode {
  const { t } = useTranslation('editor');
  const [typed, setTyped] = useState('');
  const id = useId();
  const commit = (): void => {
    if (typed.trim() === '') return;
    props.onChange(addTag(props.tags, typed));
    setTyped('');
  };
  return (
    <div className="nd-field">
      <label htmlFor={id} className="nd-label">
        {t('tags')}
      </label>
      <div className="nd-tags">
        <ul className="nd-tag-list" data-testid="tags-list">
          {props.tags.map((tag) => (
            <li key={tag} className="nd-tag">
              <span>{tag}</span>
              <button
                type="button"
                className="nd-tag-remove"
                aria-label={t('removeTag', { tag })}
                onClick={() => props.onChange(props.tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          type="text"
          value={typed}
          placeholder={t('tagsPlaceholder')}
          data-testid="tags-input"
          onChange={(event) => setTyped(event.currentTarget.value)}
          onKeyDown={(event) => {
            if ((event.key === 'Enter' || event.key === ',') && !event.nativeEvent.isComposing) {
              event.preventDefault();
              commit();
            } else if (event.key === 'Backspace' && typed === '' && props.tags.length > 0) {
              props.onChange(props.tags.slice(0, -1));
            }
          }}
          onBlur={() => {
            commit();
            props.onBlur();
          }}
        />
      </div>
    </div>
  );
}
