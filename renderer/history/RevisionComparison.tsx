// One revision beside another text of the story, word by word
// (renderer/compare/StoryDiffView): against the current text (what restoring
// would change), against the revision just before it (what that revision
// changed), or against any other revision in the history; in two columns or
// with the changes in place, as the reader chooses.
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary, Settings } from '../../core/api';
import type { StoryContent } from '../../core/story';
import { compareStoryTexts } from '../../core/story/compare';
import { differingDetails } from '../compare/details';
import { StoryDiffView, type DiffLayout } from '../compare/StoryDiffView';
import { useStoryDiffLabels } from '../compare/useStoryDiffLabels';
import { formatRevisionTime } from './revision-time';

export type CompareMode = 'current' | 'previous' | 'other';

export interface ComparedText {
  /** The column's heading. */
  title: string;
  content: StoryContent;
}

function Comparison(props: { a: ComparedText; b: ComparedText; layout: DiffLayout; onlyInA: string; onlyInB: string; sameHint: string }): ReactNode {
  const { a, b } = props;
  const same = useMemo(() => compareStoryTexts(a.content, b.content).same && differingDetails(a.content, b.content, { byline: '', section: '', tags: '' }).length === 0, [a.content, b.content]);
  const labels = useStoryDiffLabels({ onlyInA: props.onlyInA, onlyInB: props.onlyInB });
  return (
    <>
      {same && (
        <p className="field-hint" role="status">
          {props.sameHint}
        </p>
      )}
      <StoryDiffView a={a.content} b={b.content} layout={props.layout} labels={labels} columns={[a.title, b.title]} testId="history-compare-table" />
    </>
  );
}

function Choices<V extends string>(props: { name: string; label: string; value: V; options: ReadonlyArray<[V, string]>; onChange: (value: V) => void; testId: string }): ReactNode {
  const labelId = useId();
  return (
    <div className="history-mode" role="radiogroup" aria-labelledby={labelId}>
      <span id={labelId} className="history-mode-label">
        {props.label}
      </span>
      {props.options.map(([option, text]) => (
        <label key={option} className="radio">
          <input
            type="radio"
            name={`${props.name}-${labelId}`}
            value={option}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
            data-testid={`${props.testId}-${option}`}
          />
          {text}
        </label>
      ))}
    </div>
  );
}

export function RevisionComparison(props: {
  selected: RevisionSummary;
  /** The revision written just before the selected one; null for the first. */
  previous: RevisionSummary | null;
  /** Every revision of the story, for "any other revision". */
  revisions: readonly RevisionSummary[];
  /** The other revision chosen, for mode 'other'. */
  other: RevisionSummary | null;
  onOther: (id: string) => void;
  /** Full texts fetched so far, by revision id. */
  texts: ReadonlyMap<string, { content: StoryContent }>;
  current: StoryContent;
  mode: CompareMode;
  onMode: (mode: CompareMode) => void;
  layout: DiffLayout;
  onLayout: (layout: DiffLayout) => void;
  language: Settings['language'];
}): ReactNode {
  const { selected, previous, other, texts, mode, language } = props;
  const { t } = useTranslation('history');
  const titleOf = (summary: RevisionSummary): string => t('columnRevision', { time: formatRevisionTime(summary.createdAt, language) });
  const selectedText = texts.get(selected.id);
  const previousText = previous === null ? undefined : texts.get(previous.id);
  const otherText = other === null ? undefined : texts.get(other.id);
  const loading = <p className="field-hint" role="status">{t('loadingRevision')}</p>;
  const choices = props.revisions.filter((revision) => revision.id !== selected.id);

  let body: ReactNode;
  if (selectedText === undefined) {
    body = loading;
  } else if (mode === 'current') {
    body = (
      <Comparison
        a={{ title: titleOf(selected), content: selectedText.content }}
        b={{ title: t('columnCurrent'), content: props.current }}
        layout={props.layout}
        onlyInA={t('onlyInRevision')}
        onlyInB={t('onlyInCurrent')}
        sameHint={t('sameAsCurrent')}
      />
    );
  } else if (mode === 'previous') {
    body =
      previous === null ? (
        <p className="field-hint">{t('noPrevious')}</p>
      ) : previousText === undefined ? (
        loading
      ) : (
        <Comparison
          a={{ title: titleOf(previous), content: previousText.content }}
          b={{ title: titleOf(selected), content: selectedText.content }}
          layout={props.layout}
          onlyInA={t('onlyInPrevious')}
          onlyInB={t('onlyInRevision')}
          sameHint={t('sameAsPrevious')}
        />
      );
  } else if (other === null) {
    body = <p className="field-hint">{t('chooseOther')}</p>;
  } else if (otherText === undefined) {
    body = loading;
  } else {
    // The older of the two comes first, so that what is struck is what went.
    const [older, newer] = Date.parse(other.createdAt) <= Date.parse(selected.createdAt) ? [other, selected] : [selected, other];
    const [olderText, newerText] = older === other ? [otherText, selectedText] : [selectedText, otherText];
    body = (
      <Comparison
        a={{ title: titleOf(older), content: olderText.content }}
        b={{ title: titleOf(newer), content: newerText.content }}
        layout={props.layout}
        onlyInA={t('onlyInOlder')}
        onlyInB={t('onlyInNewer')}
        sameHint={t('sameAsOther')}
      />
    );
  }

  return (
    <section className="history-compare" data-testid="history-compare" data-mode={mode} aria-label={t('compareWith')}>
      <Choices
        name="mode"
        label={t('compareWith')}
        value={mode}
        options={[
          ['current', t('compareCurrent')],
          ['previous', t('comparePrevious')],
          ['other', t('compareOther')],
        ]}
        onChange={props.onMode}
        testId="history-compare"
      />
      {mode === 'other' && (
        <label className="history-other">
          <span className="history-mode-label">{t('otherLabel')}</span>
          <select value={other?.id ?? ''} onChange={(event) => props.onOther(event.target.value)} data-testid="history-compare-other-revision">
            <option value="" disabled>
              {t('chooseOther')}
            </option>
            {choices.map((revision) => (
              <option key={revision.id} value={revision.id}>
                {t('otherOption', { reason: t(`reason.${revision.reason}`), time: formatRevisionTime(revision.createdAt, language), author: revision.author })}
              </option>
            ))}
          </select>
        </label>
      )}
      <Choices
        name="layout"
        label={t('layoutLabel')}
        value={props.layout}
        options={[
          ['side', t('layoutSide')],
          ['inline', t('layoutInline')],
        ]}
        onChange={props.onLayout}
        testId="history-layout"
      />
      {body}
    </section>
  );
}
