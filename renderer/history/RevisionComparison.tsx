// One revision beside another text of the story, in the side-by-side table the
// sync conflict uses: against the current text (what restoring would change), or
// against the revision just before it (what that revision changed).
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary, Settings } from '../../core/api';
import type { StoryContent } from '../../core/story';
import { compareStoryTexts } from '../../core/story/compare';
import { differingDetails, StoryComparisonTable, type ComparisonLabels } from '../compare/StoryComparisonTable';
import { formatRevisionTime } from './revision-time';

export type CompareMode = 'current' | 'previous';

export interface ComparedText {
  /** The column's heading. */
  title: string;
  content: StoryContent;
}

function Comparison(props: { a: ComparedText; b: ComparedText; onlyInA: string; onlyInB: string; sameHint: string }): ReactNode {
  const { a, b } = props;
  const { t } = useTranslation('history');
  const comparison = useMemo(() => compareStoryTexts(a.content, b.content), [a.content, b.content]);
  const details = differingDetails(a.content, b.content, { byline: t('byline'), section: t('section'), tags: t('tags') });
  const labels: ComparisonLabels = {
    headline: t('headline'),
    sapo: t('sapo'),
    body: t('body'),
    details: t('details'),
    changed: t('changed'),
    onlyInA: props.onlyInA,
    onlyInB: props.onlyInB,
  };
  return (
    <>
      {comparison.same && details.length === 0 && (
        <p className="field-hint" role="status">
          {props.sameHint}
        </p>
      )}
      <StoryComparisonTable comparison={comparison} details={details} labels={labels} columns={[a.title, b.title]} testId="history-compare-table" />
    </>
  );
}

export function RevisionComparison(props: {
  selected: RevisionSummary;
  /** The revision written just before the selected one; null for the first. */
  previous: RevisionSummary | null;
  /** Full texts fetched so far, by revision id. */
  texts: ReadonlyMap<string, { content: StoryContent }>;
  current: StoryContent;
  mode: CompareMode;
  onMode: (mode: CompareMode) => void;
  language: Settings['language'];
}): ReactNode {
  const { selected, previous, texts, mode, language } = props;
  const { t } = useTranslation('history');
  const legendId = useId();
  const titleOf = (summary: RevisionSummary): string => t('columnRevision', { time: formatRevisionTime(summary.createdAt, language) });
  const selectedText = texts.get(selected.id);
  const previousText = previous === null ? undefined : texts.get(previous.id);

  let body: ReactNode;
  if (selectedText === undefined || (mode === 'previous' && previous !== null && previousText === undefined)) {
    body = (
      <p className="field-hint" role="status">
        {t('loadingRevision')}
      </p>
    );
  } else if (mode === 'current') {
    body = (
      <Comparison
        a={{ title: titleOf(selected), content: selectedText.content }}
        b={{ title: t('columnCurrent'), content: props.current }}
        onlyInA={t('onlyInRevision')}
        onlyInB={t('onlyInCurrent')}
        sameHint={t('sameAsCurrent')}
      />
    );
  } else if (previous === null || previousText === undefined) {
    body = <p className="field-hint">{t('noPrevious')}</p>;
  } else {
    body = (
      <Comparison
        a={{ title: titleOf(previous), content: previousText.content }}
        b={{ title: titleOf(selected), content: selectedText.content }}
        onlyInA={t('onlyInPrevious')}
        onlyInB={t('onlyInRevision')}
        sameHint={t('sameAsPrevious')}
      />
    );
  }

  return (
    <section className="history-compare" data-testid="history-compare" data-mode={mode} aria-labelledby={legendId}>
      <div className="history-mode" role="radiogroup" aria-labelledby={legendId}>
        <span id={legendId} className="history-mode-label">
          {t('compareWith')}
        </span>
        {(['current', 'previous'] as const).map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name={`${legendId}-mode`}
              value={option}
              checked={mode === option}
              onChange={() => props.onMode(option)}
              data-testid={`history-compare-${option}`}
            />
            {t(option === 'current' ? 'compareCurrent' : 'comparePrevious')}
          </label>
        ))}
      </div>
      {body}
    </section>
  );
}
