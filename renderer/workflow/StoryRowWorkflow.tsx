// A list row's workflow line: who holds the story and since when, its
// deadline (marked when overdue), and a transition still waiting for the server.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorySummary } from '../../core/api';
import { formatVietnamDateTime, isOverdue, stateOf } from '../../core/workflow';
import { holderLine } from './holder-line';

const NONE = { assignee: null, deadline: null, holder: null, heldSince: null, statusSince: null, publishAt: null, publishedAt: null, pending: false };

export function StoryRowWorkflow(props: { story: StorySummary; now: number }): ReactNode {
  const { t } = useTranslation('workflow');
  const { story } = props;
  const workflow = story.workflow ?? NONE;
  const status = stateOf(story.status);
  const line = holderLine({ ...workflow, status, author: story.author, updatedAt: story.updatedAt });
  const overdue = isOverdue({ status, deadline: workflow.deadline, assignee: workflow.assignee }, new Date(props.now).toISOString());
  return (
    <div className="story-row-workflow" data-testid="row-workflow">
      <span data-testid="row-holder">{t(line.key, line.values)}</span>
      {workflow.deadline !== null && (
        <span className={overdue ? 'story-row-overdue' : undefined} data-testid="row-deadline" data-overdue={overdue || undefined}>
          {overdue ? `${t('holder.overdue')} · ` : ''}
          {t('holder.deadline', { at: formatVietnamDateTime(workflow.deadline) })}
        </span>
      )}
      {workflow.pending && (
        <span className="story-row-pending" data-testid="row-pending">
          {t('holder.pending')}
        </span>
      )}
    </div>
  );
}
