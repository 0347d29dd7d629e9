// What the editor pane mounts for "Ban biên tập đã sửa gì": the button, shown
// in the editor's status bar to the reporter of a returned or published story,
// and the dialog it opens. The story's status and author are read when it opens
// and again when it changes (a pull brings the desk's return or publication).
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsdeskClient } from '../transport';
import { coalescedRequest } from '../transport/coalesced';
import { CHANGED_BY_DESK_STATUSES } from './baseline';
import { DeskChangesDialog } from './DeskChangesDialog';

function DeskChangesButton(props: { onOpen: () => void }): ReactNode {
  const { t } = useTranslation('changes');
  return (
    <button type="button" className="button" data-testid="desk-changes-button" title={t('buttonHint')} onClick={props.onOpen}>
      {t('button')}
    </button>
  );
}

/** True when the signed-in writer is the story's reporter and the desk has returned or published it. */
function useChangedByDesk(client: NewsdeskClient, storyId: string | null, me: string): boolean {
  const [found, setFound] = useState<{ storyId: string; shown: boolean } | null>(null);
  useEffect(() => {
    if (storyId === null) return;
    let live = true;
    const { ask, stop } = coalescedRequest(() =>
      client.call('stories.get', { id: storyId }).then((story) => {
        const shown = story.author === me && (CHANGED_BY_DESK_STATUSES as readonly string[]).includes(story.status);
        if (live) setFound({ storyId, shown });
      }),
    );
    const off = client.on('story.changed', ({ id }) => {
      if (id === storyId) ask();
    });
    ask();
    return () => {
      live = false;
      stop();
      off();
    };
  }, [client, storyId, me]);
  return found !== null && found.storyId === storyId && found.shown;
}

export function useDeskChanges(props: { client: NewsdeskClient; storyId: string | null; me: string }): { button: ReactNode; dialog: ReactNode } {
  const { client, storyId, me } = props;
  const [openFor, setOpenFor] = useState<string | null>(null);
  const shown = useChangedByDesk(client, storyId, me);
  const open = useCallback(() => setOpenFor(storyId), [storyId]);
  const close = useCallback(() => setOpenFor(null), []);
  const button = useMemo(() => (shown ? <DeskChangesButton onOpen={open} /> : null), [shown, open]);
  const dialog =
    storyId !== null && openFor === storyId ? <DeskChangesDialog key={`changes:${storyId}`} client={client} storyId={storyId} me={me} onClose={close} /> : null;
  return { button, dialog };
}
