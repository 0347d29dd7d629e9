// The places of the open story that wait after a merge, shown in the editor
// right above the body: the rest of the story was merged by itself. Each place
// is settled on its own; the editor then shows the story's new text (it follows
// the store, see useStoryDocument). Nothing is shown when nothing waits.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../core/api';
import type { MergeChoice } from '../../../core/merge';
import type { StoryContent } from '../../../core/story';
import { toServiceError, type NewsdeskClient } from '../../transport/client';
import { ConflictCard } from './ConflictCard';
import './conflicts.css';

export function MergeConflicts(props: {
  client: NewsdeskClient;
  conflicts: readonly SyncConflict[];
  story: Pick<StoryContent, 'body'>;
  /** Saves what is typed so far, so that the choice is made on the story's latest text. */
  flush: () => Promise<void>;
  onSettled: () => void;
  onShow: (blockId: string) => void;
}): ReactNode {
  const { client, conflicts } = props;
  const { t } = useTranslation('editor');
  const [busy, setBusy] = useState<{ id: string; keep: MergeChoice } | null>(null);
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);
  if (conflicts.length === 0) return null;

  const choose = async (conflict: SyncConflict, keep: MergeChoice): Promise<void> => {
    setBusy({ id: conflict.id, keep });
    setFailure(null);
    try {
      await props.flush();
      await client.call('sync.resolveConflict', { storyId: conflict.storyId, conflictId: conflict.id, keep });
      props.onSettled();
    } catch (error) {
      setFailure({ id: conflict.id, message: toServiceError(error).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="nd-conflicts" role="region" aria-label={t('conflictsTitle')} data-testid="merge-conflicts">
      <h2 className="nd-conflicts-title">{t('conflictsTitle')}</h2>
      <p className="nd-conflicts-intro">{t('conflictsIntro', { count: conflicts.length })}</p>
      <p className="field-hint">{t('conflictsHint')}</p>
      {conflicts.map((conflict) => (
        <ConflictCard
          key={conflict.id}
          conflict={conflict}
          story={props.story}
          busy={busy?.id === conflict.id ? busy.keep : null}
          failure={failure?.id === conflict.id ? failure.message : null}
          onChoose={(keep) => void choose(conflict, keep)}
          onShow={props.onShow}
        />
      ))}
    </section>
  );
}
