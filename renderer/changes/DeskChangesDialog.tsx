// "Ban biên tập đã sửa gì": for the reporter of a returned or published story,
// what they handed in (./baseline) beside the story now, word by word, in two
// columns or with the changes in place. Read only: restoring is the history's.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../core/api';
import type { StoryContent } from '../../core/story';
import { compareStoryTexts } from '../../core/story/compare';
import { StoryDiffView, type DiffLayout } from '../compare/StoryDiffView';
import { useStoryDiffLabels } from '../compare/useStoryDiffLabels';
import { formatRevisionTime } from '../history/revision-time';
import { toServiceError, type NewsdeskClient } from '../transport';
import { Dialog } from '../ui/Dialog';
import { submittedBaseline, type Baseline } from './baseline';
import './changes.css';

type Load =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'none' }
  | { status: 'ready'; baseline: Baseline; submitted: StoryContent; now: StoryContent };

export function DeskChangesDialog(props: { client: NewsdeskClient; storyId: string; me: string; onClose: () => void }): ReactNode {
  const { client, storyId, me } = props;
  const { t, i18n } = useTranslation('changes');
  const language: Settings['language'] = i18n.language === 'en' ? 'en' : 'vi';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [layout, setLayout] = useState<DiffLayout>('inline');

  useEffect(() => {
    let live = true;
    (async (): Promise<Load> => {
      const [revisions, now] = await Promise.all([client.call('revisions.list', { storyId }), client.call('stories.get', { id: storyId })]);
      const baseline = submittedBaseline(revisions, me);
      if (baseline === null) return { status: 'none' };
      const submitted = await client.call('revisions.get', { id: baseline.revision.id });
      return { status: 'ready', baseline, submitted: submitted.content, now };
    })().then(
      (next) => {
        if (live) setLoad(next);
      },
      (error: unknown) => {
        if (live) setLoad({ status: 'failed', message: toServiceError(error).message });
      },
    );
    return () => {
      live = false;
    };
  }, [client, storyId, me]);

  const labels = useStoryDiffLabels({ changed: t('changed'), onlyInA: t('onlyInSubmitted'), onlyInB: t('onlyInNow') });

  let content: ReactNode;
  if (load.status === 'loading') content = <p className="field-hint" role="status">{t('loading')}</p>;
  else if (load.status === 'failed') content = <p className="form-error" role="alert">{t('failed', { message: load.message })}</p>;
  else if (load.status === 'none') content = <p className="field-hint">{t('none')}</p>;
  else {
    const time = formatRevisionTime(load.baseline.revision.createdAt, language);
    const same = compareStoryTexts(load.submitted, load.now).same;
    content = (
      <>
        <p className="field-hint">{t(load.baseline.submitted ? 'intro' : 'introFallback', { time })}</p>
        <div className="history-mode" role="radiogroup" aria-label={t('layoutLabel')}>
          <span className="history-mode-label">{t('layoutLabel')}</span>
          {(['inline', 'side'] as const).map((option) => (
            <label key={option} className="radio">
              <input type="radio" name="desk-changes-layout" checked={layout === option} onChange={() => setLayout(option)} data-testid={`desk-changes-layout-${option}`} />
              {t(option === 'side' ? 'layoutSide' : 'layoutInline')}
            </label>
          ))}
        </div>
        {same && <p className="field-hint" role="status">{t('same')}</p>}
        <StoryDiffView
          a={load.submitted}
          b={load.now}
          layout={layout}
          labels={labels}
          columns={[t('columnSubmitted', { time }), t('columnNow')]}
          testId="desk-changes-diff"
        />
      </>
    );
  }

  return (
    <Dialog title={t('title')} onClose={props.onClose} testId="desk-changes" className="dialog-wide desk-changes-dialog">
      <div className="dialog-body">{content}</div>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button button-quiet" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
