// What an action asks before it is taken: a note (required to return or
// correct a story), a date and time in Hanoi to schedule it, an assignee and a
// deadline to assign it, and, before anything goes on the site, the section's
// pre-publication checklist, which blocks on a failed required check. The
// parent takes the action (it saves the open text first); a refusal is shown
// here in words.
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistAnswer, NewsroomPerson } from '../../core/api';
import { ACTION_RULES, blockingFailures, instantToVietnamLocal, vietnamLocalToInstant, type TransitionAction, type TransitionOp } from '../../core/workflow';
import { toServiceError, type NewsdeskClient } from '../transport';
import { Dialog } from '../ui/Dialog';
import { ChecklistResults } from './ChecklistResults';

const HOUR = 3_600_000;

export function TransitionDialog(props: {
  client: NewsdeskClient;
  storyId: string;
  headline: string;
  action: TransitionAction;
  assignee: string | null;
  onConfirm: (op: TransitionOp) => Promise<void>;
  onClose: () => void;
}): ReactNode {
  const { t } = useTranslation('workflow');
  const { client, storyId, action } = props;
  const rule = ACTION_RULES[action];
  const noteId = useId();
  const [note, setNote] = useState('');
  const later = useMemo(() => instantToVietnamLocal(new Date(Math.ceil((Date.now() + HOUR) / 60_000) * 60_000).toISOString()), []);
  const [date, setDate] = useState(later.date);
  const [time, setTime] = useState(later.time);
  const [assignee, setAssignee] = useState(props.assignee ?? '');
  const [deadlineDate, setDeadlineDate] = useState('');
  const [deadlineTime, setDeadlineTime] = useState('');
  const [people, setPeople] = useState<NewsroomPerson[]>([]);
  const [checks, setChecks] = useState<ChecklistAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    let live = true;
    if (rule.gated) {
      client.call('workflow.checklist', { storyId }).then(
        (answer) => live && setChecks(answer),
        (error: unknown) => live && setProblem(toServiceError(error).message),
      );
    }
    if (action === 'assign') {
      // Without the list the field is still a free text box.
      client.call('workflow.users', {}).then((answer) => live && setPeople(answer.users), () => undefined);
    }
    return () => {
      live = false;
    };
  }, [client, storyId, action, rule.gated]);

  const blocked = checks !== null && blockingFailures(checks.results).length > 0;
  const noteLabel = action === 'return' ? t('dialog.returnNote') : action === 'correct' ? t('dialog.correctNote') : rule.note === 'required' ? t('dialog.noteRequired') : t('dialog.note');

  const build = (): TransitionOp | string => {
    const text = note.trim();
    if (rule.note === 'required' && text === '') return t('dialog.noteMissing');
    const withNote = text === '' ? {} : { note: text };
    switch (action) {
      case 'schedule': {
        const publishAt = vietnamLocalToInstant(date, time);
        return publishAt === null ? t('dialog.timeInvalid') : { action, publishAt, ...withNote };
      }
      case 'assign': {
        const none = deadlineDate.trim() === '' && deadlineTime.trim() === '';
        const deadline = none ? null : vietnamLocalToInstant(deadlineDate, deadlineTime === '' ? '23:59' : deadlineTime);
        if (!none && deadline === null) return t('dialog.timeInvalid');
        return { action, assignee: assignee.trim() === '' ? null : assignee.trim().toLowerCase(), deadline, ...withNote };
      }
      default:
        // Every other action carries nothing but its name and note.
        return { action, ...withNote } as TransitionOp;
    }
  };

  const confirm = (): void => {
    const op = build();
    if (typeof op === 'string') {
      setProblem(op);
      return;
    }
    setProblem(null);
    setWorking(true);
    props.onConfirm(op).then(
      () => props.onClose(),
      (error: unknown) => {
        setWorking(false);
        setProblem(toServiceError(error).message);
      },
    );
  };

  const headline = props.headline.trim() === '' ? t('dialog.untitled') : props.headline.trim();
  return (
    <Dialog title={t('dialog.title', { action: t(`action.${action}`), headline })} onClose={props.onClose} testId="transition-dialog" className="wf-dialog">
      {/* Checked here, not by the browser, so that every message is the app's own words. */}
      <form
        noValidate
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        <div className="dialog-body">
          {problem !== null && (
            <div className="form-error" role="alert" data-testid="transition-problem">
              <p>{problem}</p>
            </div>
          )}
          {rule.gated && (
            <section className="wf-checklist" aria-label={t('dialog.checklist')}>
              <h3 className="wf-subtitle">{t('dialog.checklist')}</h3>
              {checks === null ? <p role="status">{t('dialog.checklistLoading')}</p> : <ChecklistResults results={checks.results} />}
              {checks?.source === 'default' && <p className="nd-hint">{t('dialog.checklistDefault')}</p>}
              {blocked && (
                <p className="wf-blocked" role="alert" data-testid="checklist-blocked">
                  {t('dialog.checklistBlocked')}
                </p>
              )}
            </section>
          )}
          {action === 'schedule' && (
            <fieldset className="wf-when">
              <label className="field">
                <span className="field-label">{t('dialog.date')}</span>
                <input type="date" value={date} data-testid="schedule-date" onChange={(e) => setDate(e.currentTarget.value)} />
              </label>
              <label className="field">
                <span className="field-label">{t('dialog.time')}</span>
                <input type="time" value={time} data-testid="schedule-time" onChange={(e) => setTime(e.currentTarget.value)} />
              </label>
              <p className="nd-hint">{t('dialog.zoneHint')}</p>
            </fieldset>
          )}
          {action === 'assign' && (
            <fieldset className="wf-when">
              <label className="field">
                <span className="field-label">{t('dialog.assignee')}</span>
                <input type="text" value={assignee} list={`${noteId}-people`} data-testid="assign-user" onChange={(e) => setAssignee(e.currentTarget.value)} />
                <datalist id={`${noteId}-people`}>
                  {people.map((person) => (
                    <option key={person.username} value={person.username}>
                      {person.displayName}
                    </option>
                  ))}
                </datalist>
                <span className="nd-hint">{t('dialog.assigneeHint')}</span>
              </label>
              <label className="field">
                <span className="field-label">{t('dialog.deadline')}</span>
                <span className="wf-inline">
                  <input type="date" value={deadlineDate} aria-label={t('dialog.date')} data-testid="assign-deadline-date" onChange={(e) => setDeadlineDate(e.currentTarget.value)} />
                  <input type="time" value={deadlineTime} aria-label={t('dialog.time')} data-testid="assign-deadline-time" onChange={(e) => setDeadlineTime(e.currentTarget.value)} />
                </span>
                <span className="nd-hint">{t('dialog.zoneHint')}</span>
              </label>
            </fieldset>
          )}
          <div className="field">
            <label className="field-label" htmlFor={noteId}>
              {noteLabel}
            </label>
            <textarea
              id={noteId}
              rows={3}
              value={note}
              aria-required={rule.note === 'required'}
              placeholder={t('dialog.notePlaceholder')}
              data-testid="transition-note"
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          </div>
        </div>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={props.onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={working || blocked || (rule.gated && checks === null)} data-testid="transition-confirm">
            {working ? t('dialog.working') : t(`action.${action}`)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
