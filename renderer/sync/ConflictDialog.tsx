// The two versions of a conflicted story side by side: this computer's on the
// left, the server's on the right, paragraph by paragraph, with what differs
// marked in colour and in words. Choosing is the only way out that changes
// anything; "Later" keeps both texts as they are.
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../core/api';
import { compareStoryTexts, type ParagraphChange } from '../../core/story/compare';
import { Dialog } from '../ui/Dialog';

export type ConflictChoice = 'mine' | 'theirs';

interface Row {
  change: ParagraphChange;
  mine: string | null;
  theirs: string | null;
}

/** Other fields of the story, shown only where the two versions differ. */
function detailRows(conflict: SyncConflict, label: (key: 'conflictByline' | 'conflictSection' | 'conflictTags') => string): Row[] {
  const fields = [
    ['conflictByline', conflict.mine.byline, conflict.theirs.byline],
    ['conflictSection', conflict.mine.section, conflict.theirs.section],
    ['conflictTags', conflict.mine.tags.join(', '), conflict.theirs.tags.join(', ')],
  ] as const;
  return fields
    .filter(([, mine, theirs]) => mine !== theirs)
    .map(([key, mine, theirs]) => ({ change: 'changed', mine: `${label(key)}: ${mine}`, theirs: `${label(key)}: ${theirs}` }));
}

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
  const details = detailRows(conflict, (key) => t(key));

  const cell = (text: string | null, side: 'mine' | 'theirs', change: ParagraphChange): ReactNode => {
    if (text !== null) {
      return (
        <td className={`conflict-cell conflict-${side}`}>
          {change === 'changed' && <span className="visually-hidden">{t('changeChanged')}: </span>}
          {text}
        </td>
      );
    }
    return <td className={`conflict-cell conflict-${side} conflict-missing`}>{t(change === 'added' ? 'changeAdded' : 'changeRemoved')}</td>;
  };
  const row = (item: Row, key: string | number): ReactNode => (
    <tr key={key} className={`conflict-row is-${item.change}`} data-change={item.change}>
      {cell(item.mine, 'mine', item.change)}
      {cell(item.theirs, 'theirs', item.change)}
    </tr>
  );
  const group = (title: string): ReactNode => (
    <tr className="conflict-group">
      <th colSpan={2} scope="colgroup">
        {title}
      </th>
    </tr>
  );
  const field = ({ a, b, same }: { a: string; b: string; same: boolean }): Row => ({ change: same ? 'same' : 'changed', mine: a, theirs: b });

  return (
    <Dialog title={t('conflictTitle')} onClose={props.onClose} testId="conflict-dialog" className="dialog-wide conflict-dialog">
      <div className="dialog-body">
        {props.failure !== null && (
          <div className="form-error" role="alert">
            <p>{props.failure}</p>
          </div>
        )}
        {compared.same && details.length > 0 && <p className="field-hint">{t('conflictSameText')}</p>}
        <table className="conflict-table" data-testid="conflict-table">
          <thead>
            <tr>
              <th scope="col">
                {t('conflictMine')}
                {conflict.mineTrashed && <span className="conflict-trashed">{t('conflictTrashed')}</span>}
              </th>
              <th scope="col">
                {t('conflictTheirs', { rev: conflict.serverRev })}
                {conflict.theirsTrashed && <span className="conflict-trashed">{t('conflictTrashed')}</span>}
              </th>
            </tr>
          </thead>
          <tbody>
            {group(t('conflictHeadline'))}
            {row(field(compared.headline), 'headline')}
            {group(t('conflictSapo'))}
            {row(field(compared.sapo), 'sapo')}
            {group(t('conflictBody'))}
            {compared.body.map((pair, index) => row({ change: pair.change, mine: pair.a, theirs: pair.b }, index))}
            {details.length > 0 && group(t('conflictDetails'))}
            {details.map((detail, index) => row(detail, `detail-${index}`))}
          </tbody>
        </table>
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
