// Above the open story when it has two versions (a sync conflict): says so
// plainly, compares them side by side, and saves the user's choice. Until the
// user chooses, both texts stay as they are: this computer's in the editor, the
// server's with the service. Mounted by the editor pane.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toServiceError, type NewsdeskClient } from '../transport';
import { ConflictDialog, type ConflictChoice } from './ConflictDialog';
import { useStoryConflict } from './useStoryConflict';
import './sync.css';

export function ConflictBanner(props: {
  client: NewsdeskClient;
  storyId: string;
  /** The choice is saved: the story's text here may have changed, so the editor must load it again. */
  onResolved: () => void;
}): ReactNode {
  const { client, storyId, onResolved } = props;
  const { t } = useTranslation('sync');
  const { conflict, refresh } = useStoryConflict(client, storyId);
  const [comparing, setComparing] = useState(false);
  const [busy, setBusy] = useState<ConflictChoice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (conflict === null) return null;

  const choose = async (keep: ConflictChoice): Promise<void> => {
    setBusy(keep);
    setFailure(null);
    try {
      await client.call('sync.resolveConflict', { storyId, keep });
      setComparing(false);
      onResolved();
      refresh();
    } catch (error) {
      setFailure(toServiceError(error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="conflict-banner" data-testid="conflict-banner" role="alert">
      <div className="conflict-banner-text">
        <p className="conflict-banner-title">{t('conflictBanner', { rev: conflict.serverRev })}</p>
        <p className="conflict-banner-hint">{t('conflictBannerHint')}</p>
      </div>
      <button type="button" className="button" data-testid="conflict-compare" onClick={() => setComparing(true)}>
        {t('conflictCompare')}
      </button>
      {comparing && (
        <ConflictDialog
          conflict={conflict}
          busy={busy}
          failure={failure}
          onChoose={(keep) => void choose(keep)}
          onClose={() => {
            setComparing(false);
            setFailure(null);
          }}
        />
      )}
    </section>
  );
}
