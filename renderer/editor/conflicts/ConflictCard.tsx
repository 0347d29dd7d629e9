// One place of a story that both sides changed: which place, why it waits, the
// two texts side by side with the differing words marked, and the three ways
// out, "giữ của tôi / của họ / cả hai". Only this place changes.
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../core/api';
import type { MergeChoice } from '../../../core/merge';
import { diffWords, sidesOf, type StoryContent } from '../../../core/story';
import { DiffText } from '../../compare/DiffText';
import { viewOf } from './conflict-view';

export function ConflictCard(props: {
  conflict: SyncConflict;
  story: Pick<StoryContent, 'body'>;
  busy: MergeChoice | null;
  failure: string | null;
  onChoose: (keep: MergeChoice) => void;
  onShow: (blockId: string) => void;
}): ReactNode {
  const { conflict, busy } = props;
  const { t } = useTranslation('editor');
  const titleId = useId();
  const view = viewOf(conflict.conflict, props.story);
  const sides = useMemo(() => sidesOf(diffWords(view.mine ?? '', view.theirs ?? '')), [view.mine, view.theirs]);
  const place =
    view.blockId === null
      ? t(`conflictPlace.${view.kind}`)
      : view.position === 0
        ? t('conflictPlace.gone')
        : t(`conflictPlace.${view.kind}`, { n: view.position });
  const reason = conflict.conflict.kind === 'field' ? t('conflictReason.field') : t(`conflictReason.${conflict.conflict.reason}`);
  const side = (text: string | null, runs: typeof sides.a, which: 'mine' | 'theirs'): ReactNode => (
    <div className={`nd-conflict-side is-${which}`} data-side={which}>
      <p className="nd-conflict-side-title">{which === 'mine' ? t('conflictMine') : t('conflictTheirs', { rev: conflict.serverRev })}</p>
      {text === null ? <p className="nd-conflict-deleted">{t('conflictDeleted')}</p> : <p className="nd-conflict-text"><DiffText runs={runs} differs /></p>}
    </div>
  );
  const choice = (keep: MergeChoice, label: string): ReactNode => (
    <button type="button" className="button" data-testid={`conflict-keep-${keep}`} disabled={busy !== null} onClick={() => props.onChoose(keep)}>
      {busy === keep ? t('conflictSettling') : label}
    </button>
  );

  return (
    <section className="nd-conflict" aria-labelledby={titleId} data-testid="merge-conflict" data-conflict-id={conflict.id} data-block-id={view.blockId ?? undefined}>
      <p id={titleId} className="nd-conflict-place">
        {place}
      </p>
      <p className="nd-conflict-reason">{reason}</p>
      <div className="nd-conflict-sides">
        {side(view.mine, sides.a, 'mine')}
        {side(view.theirs, sides.b, 'theirs')}
      </div>
      {props.failure !== null && (
        <p className="form-error" role="alert">
          {t('conflictFailed', { message: props.failure })}
        </p>
      )}
      <div className="nd-conflict-actions">
        {choice('mine', t('conflictKeepMine'))}
        {choice('theirs', t('conflictKeepTheirs'))}
        {choice('both', t('conflictKeepBoth'))}
        {view.blockId !== null && view.position > 0 && (
          <button type="button" className="button button-quiet" data-testid="conflict-show" onClick={() => props.onShow(view.blockId ?? '')}>
            {t('conflictShow')}
          </button>
        )}
      </div>
    </section>
  );
}
