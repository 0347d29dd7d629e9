// Above the open story: where it is in the workflow, who holds it and since
// when, the transitions waiting for the server, and exactly the actions the
// server would allow this user now. A story this user may not edit says why.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowView } from '../../core/api';
import type { StoryContent } from '../../core/story';
import { formatVietnamDateTime, type TransitionAction } from '../../core/workflow';
import { deskActions, readOnlyReason } from './desk-rules';
import { holderLine } from './holder-line';
import './workflow.css';

export function ActionBar(props: {
  view: WorkflowView;
  content: StoryContent;
  updatedAt: string;
  busy: boolean;
  onAction: (action: TransitionAction) => void;
}): ReactNode {
  const { t } = useTranslation('workflow');
  const { view, content } = props;
  const { workflow } = view;
  const actions = deskActions(view, content);
  const readOnly = readOnlyReason(view, content);
  const line = holderLine({ ...workflow, author: view.author, updatedAt: props.updatedAt });
  return (
    <section className="wf-bar" aria-label={t('bar.label')} data-testid="workflow-bar" data-status={workflow.status}>
      <div className="wf-bar-state">
        <span className={`status-badge status-${workflow.status}`} data-testid="workflow-status">
          {t(`app:status.${workflow.status}`)}
        </span>
        <span className="wf-holder" data-testid="workflow-holder">
          {t(line.key, line.values)}
        </span>
        {workflow.deadline !== null && (
          <span className="wf-deadline" data-testid="workflow-deadline">
            {t('holder.deadline', { at: formatVietnamDateTime(workflow.deadline) })}
          </span>
        )}
        {view.pending.length > 0 && (
          <span className="wf-pending" role="status" data-testid="workflow-pending">
            {t('bar.pending', { actions: view.pending.map((action) => t(`action.${action}`)).join(', ') })}
          </span>
        )}
      </div>
      {actions.length > 0 && (
        <div className="wf-actions" role="group" aria-label={t('bar.actions')} data-testid="workflow-actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button ${action === 'publish' || action === 'submit' || action === 'approve' ? 'button-primary' : ''}`}
              data-testid={`action-${action}`}
              disabled={props.busy}
              onClick={() => props.onAction(action)}
            >
              {t(`action.${action}`)}
            </button>
          ))}
        </div>
      )}
      {view.user === null && <p className="wf-note" data-testid="workflow-no-account">{t('bar.noAccount')}</p>}
      {view.trashed && <p className="wf-note">{t('bar.trashed')}</p>}
      {workflow.status === 'published' && workflow.pendingUpdate && actions.includes('update') && <p className="wf-note">{t('bar.pendingUpdate')}</p>}
      {readOnly !== null && (
        <p className="wf-read-only" role="note" data-testid="read-only-reason">
          {t('bar.readOnly', { reason: readOnly })}
        </p>
      )}
    </section>
  );
}
