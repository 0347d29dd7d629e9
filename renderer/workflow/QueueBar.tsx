// The desk's views above the story list, each with its count: the queues
// (submitted, being edited, returned, approved, scheduled, published today),
// "my stories" and "assigned to me", with how many of those are overdue.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_NAMES, type QueueCounts, type QueueName } from '../../core/api';
import './workflow.css';

export function QueueBar(props: { counts: QueueCounts; selected: QueueName | null; disabled: boolean; onSelect: (queue: QueueName | null) => void }): ReactNode {
  const { t } = useTranslation('workflow');
  const { counts, selected } = props;
  return (
    <div className="wf-queues" role="group" aria-label={t('queues.label')} data-testid="queue-bar">
      {QUEUE_NAMES.map((queue) => (
        <button
          key={queue}
          type="button"
          className="chip"
          aria-pressed={selected === queue}
          disabled={props.disabled}
          data-testid={`queue-${queue}`}
          data-count={counts.counts[queue]}
          onClick={() => props.onSelect(selected === queue ? null : queue)}
        >
          {t('queues.count', { name: t(`queues.${queue}`), count: counts.counts[queue] })}
          {queue === 'assigned' && counts.overdue > 0 && (
            <span className="wf-overdue" data-testid="queue-overdue">
              {' · '}
              {t('queues.overdue', { count: counts.overdue })}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
