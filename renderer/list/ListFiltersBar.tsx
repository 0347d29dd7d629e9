import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STORY_STATUSES, storyStatus } from '../../core/story';
import type { ListFilters } from './filters';

export function ListFiltersBar(props: {
  filters: ListFilters;
  sections: readonly string[];
  disabled: boolean;
  onChange: (filters: ListFilters) => void;
}): ReactNode {
  const { t } = useTranslation();
  const { filters, onChange, disabled } = props;
  // A filter on a section no story uses any more stays selectable until it is cleared.
  const sections = filters.section !== null && !props.sections.includes(filters.section) ? [filters.section, ...props.sections] : props.sections;
  return (
    <div className="list-filters" role="group" aria-label={t('filters.label')}>
      <button
        type="button"
        className="chip"
        aria-pressed={filters.mine}
        disabled={disabled}
        onClick={() => onChange({ ...filters, mine: !filters.mine })}
        data-testid="filter-mine"
      >
        {t('filters.mine')}
      </button>
      <label className="visually-hidden" htmlFor="filter-status">
        {t('filters.status')}
      </label>
      <select
        id="filter-status"
        value={filters.status ?? ''}
        disabled={disabled}
        data-testid="filter-status"
        onChange={(event) => {
          const parsed = storyStatus.safeParse(event.target.value);
          onChange({ ...filters, status: parsed.success ? parsed.data : null });
        }}
      >
        <option value="">{t('filters.anyStatus')}</option>
        {STORY_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor="filter-section">
        {t('filters.section')}
      </label>
      <select
        id="filter-section"
        value={filters.section ?? ''}
        disabled={disabled}
        data-testid="filter-section"
        onChange={(event) => onChange({ ...filters, section: event.target.value === '' ? null : event.target.value })}
      >
        <option value="">{t('filters.anySection')}</option>
        {sections.map((section) => (
          <option key={section} value={section}>
            {section}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="chip"
        aria-pressed={filters.trashed}
        disabled={disabled}
        onClick={() => onChange({ ...filters, trashed: !filters.trashed })}
        data-testid="filter-trash"
      >
        {t('filters.trash')}
      </button>
    </div>
  );
}
