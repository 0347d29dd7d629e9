// The workflow of the open story, above its text: the action bar, and the
// dialog an action asks first. Before any action the open text is saved, so
// that "write, then submit" goes up as the text, then the submission.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowView } from '../../core/api';
import type { StoryContent } from '../../core/story';
import type { TransitionAction, TransitionOp } from '../../core/workflow';
import { toServiceError, type NewsdeskClient } from '../transport';
import { ActionBar } from './ActionBar';
import { needsDialog } from './desk-rules';
import { TransitionDialog } from './TransitionDialog';

export function StoryWorkflow(props: {
  client: NewsdeskClient;
  view: WorkflowView;
  content: StoryContent;
  updatedAt: string;
  /** Sends what the editor holds that autosave has not sent yet. */
  flush: () => Promise<void>;
  onView: (view: WorkflowView) => void;
  notify: (message: string, tone?: 'info' | 'error') => void;
}): ReactNode {
  const { t } = useTranslation('workflow');
  const { client, view, flush, onView, notify } = props;
  const [asking, setAsking] = useState<TransitionAction | null>(null);
  const [busy, setBusy] = useState(false);

  const take = async (op: TransitionOp): Promise<void> => {
    await flush();
    onView(await client.call('workflow.transition', { storyId: view.storyId, op }));
  };

  const act = (action: TransitionAction): void => {
    if (needsDialog(action)) {
      setAsking(action);
      return;
    }
    setBusy(true);
    take({ action } as TransitionOp).then(
      () => {
        setBusy(false);
        notify(t('bar.done', { action: t(`action.${action}`) }));
      },
      (error: unknown) => {
        setBusy(false);
        notify(t('bar.failed', { message: toServiceError(error).message }), 'error');
      },
    );
  };

  return (
    <>
      <ActionBar view={view} content={props.content} updatedAt={props.updatedAt} busy={busy || asking !== null} onAction={act} />
      {asking !== null && (
        <TransitionDialog
          client={client}
          storyId={view.storyId}
          headline={props.content.headline}
          action={asking}
          assignee={view.workflow.assignee}
          onConfirm={async (op) => {
            await take(op);
            notify(t('bar.done', { action: t(`action.${op.action}`) }));
          }}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  );
}
