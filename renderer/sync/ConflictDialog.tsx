// The two versions of a conflicted story side by side: this computer's on the
// left, the server's on the right, paragraph by paragraph, with what differs
// marked in colour and in words. Choosing is the only way out that changes
// anything; "Later" keeps both texts as they are.
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../core/api';
import { compareStoryTexts } from '../../core/story/compare';
import { differingDetails, StoryComparisonTable } from '../compare/StoryComparisonTable';
import { Dialog } from '../ui/Dialog';

export type ConflictChoice = 'mine' | 'theirs';

export function ConflictDialog(props: {
  conflict: SyncConflict;
  /** The choice being saved, if any. */
  busy: ConflictChoice | null;
  failure: string | null;
  onChoose: (keep: ConflictChoice) => void;
  onClose: () => void;
}): ReactNode {
  const { conflict, busy } = props;
  const { t } = useTranslation('sync');
  const mineHintId = useId();
  const theirsHintId = useId();
  const compared = useMemo(() => compareStoryTexts(conflict.mine, conflict.theirs), [conflict]);
  const details = differingDetails(conflict.mine, conflict.theirs, {
    byline: t('conflictByline'),
    section: t('conflictSection'),
    tags: t('conflictTags'),
  });
  const labels = {
    headline: t('conflictHeadline'),
    sapo: t('conflictSapo'),
    body: t('conflictBody'),
    details: t('conflictDetails'),
    changed: t('changeChanged'),
    onlyInB: t('changeAdded'),
    onlyInA: t('changeRemoved'),
  };

  return (
    <Dialog title={t('conflictTitle')} onClose={props.onClose} testId="conflict-dialog" className="dialog-wide conflict-dialog">
      <div className="dialog-body">
        {props.failure !== null && (
          <div className="form-error" role="alert">
            <p>{props.failure}</p>
          </div>
        )}
        {compared.same && details.length > 0 && <p className="field-hint">{t('conflictSameText')}</p>}
        <StoryComparisonTable
          comparison={compared}
          details={details}
          labels={labels}
          testId="conflict-table"
          columns={[
            <>
              {t('conflictMine')}
              {conflict.mineTrashed && <span className="conflict-trashed">{t('conflictTrashed')}</span>}
            </>,
            <>
              {t('conflictTheirs', { rev: conflict.serverRev })}
              {conflict.theirsTrashed && <span className="conflict-trashed">{t('conflictTrashed')}</span>}
            </>,
          ]}
        />
        <p id={mineHintId} className="field-hint">
          {t('conflictKeepMineHint')}
        </p>
        <p id={theirsHintId} className="field-hint">
          {t('conflictKeepTheirsHint')}
        </p>
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          data-testid="conflict-keep-mine"
          aria-describedby={mineHintId}
          disabled={busy !== null}
          onClick={() => props.onChoose('mine')}
        >
          {busy === 'mine' ? t('conflictResolving') : t('conflictKeepMine')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="conflict-keep-theirs"
          aria-describedby={theirsHintId}
          disabled={busy !== null}
          onClick={() => props.onChoose('theirs')}
        >
          {busy === 'theirs' ? t('conflictResolving') : t('conflictKeepTheirs')}
        </button>
        <span className="spacer" />
        <button type="button" className="button button-quiet" onClick={props.onClose} disabled={busy !== null}>
          {t('conflictLater')}
        </button>
      </div>
    </Dialog>
  );
}
