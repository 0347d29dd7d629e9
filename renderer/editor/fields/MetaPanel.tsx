// Byline, section, tags and slug. The section list offers the sections the
// store already has and those with a length target in settings.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetaEdit, MetaState } from '../document/story-meta';
import { useEditorServices } from '../EditorServices';
import { TagsInput } from './TagsInput';

function useSections(extra: readonly string[]): string[] {
  const { client } = useEditorServices();
  const [stored, setStored] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    client.call('stories.sections', {}).then(
      (sections) => live && setStored(sections),
      // Without the list the field is still a free text box.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return [...new Set([...stored, ...extra])].filter((s) => s !== '').sort((a, b) => a.localeCompare(b, 'vi'));
}

function TextField(props: { label: string; value: string; testId: string; placeholder?: string; hint?: string; list?: string; onChange: (value: string) => void; onBlur: () => void }): ReactNode {
  const id = useId();
  const hintId = useId();
  return (
    <div className="nd-field">
      <label htmlFor={id} className="nd-label">
        {props.label}
      </label>
      <input
        id={id}
        type="text"
        value={props.value}
        placeholder={props.placeholder}
        list={props.list}
        aria-describedby={props.hint === undefined ? undefined : hintId}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        onBlur={props.onBlur}
      />
      {props.hint !== undefined && (
        <p id={hintId} className="nd-hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

export function MetaPanel(props: { meta: MetaState; sectionsWithTargets: readonly string[]; onEdit: (edit: MetaEdit) => void; onBlur: () => void }): ReactNode {
  const { t } = useTranslation('editor');
  const { meta, onEdit, onBlur } = props;
  const sections = useSections(props.sectionsWithTargets);
  const listId = useId();
  return (
    <section className="nd-meta" aria-label={t('metaTitle')}>
      <h2 className="nd-meta-title">{t('metaTitle')}</h2>
      <TextField
        label={t('byline')}
        value={meta.byline}
        placeholder={t('bylinePlaceholder')}
        testId="byline-input"
        onChange={(value) => onEdit({ field: 'byline', value })}
        onBlur={onBlur}
      />
      <TextField
        label={t('section')}
        value={meta.section}
        placeholder={t('sectionPlaceholder')}
        list={listId}
        testId="section-input"
        onChange={(value) => onEdit({ field: 'section', value })}
        onBlur={onBlur}
      />
      <datalist id={listId}>
        {sections.map((section) => (
          <option key={section} value={section} />
        ))}
      </datalist>
      <TagsInput tags={meta.tags} onChange={(value) => onEdit({ field: 'tags', value })} onBlur={onBlur} />
      <TextField
        label={t('slug')}
        value={meta.slug}
        hint={meta.slugTouched ? t('slugEdited') : t('slugAuto')}
        testId="slug-input"
        onChange={(value) => onEdit({ field: 'slug', value })}
        onBlur={onBlur}
      />
    </section>
  );
}
