// One thread: the passage it is about (when it is a passage note), the root
// note and its replies, and a reply box on demand.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskNote, NoteThread } from '../../core/api';
import { formatVietnamDateTime } from '../../core/workflow';
import type { Person } from './mention-query';
import { NoteComposer } from './NoteComposer';

const MENTION = /(@[a-z0-9][a-z0-9._-]*[a-z0-9])/g;

/** The note's text with the names it mentions set apart. */
function NoteBody(props: { note: DeskNote }): ReactNode {
  const mentioned = new Set(props.note.mentions);
  return (
    <p className="nd-note-body">
      {props.note.body.split(MENTION).map((part, i) =>
        i % 2 === 1 && mentioned.has(part.slice(1)) ? (
          <span key={i} className="nd-mention">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
}

function NoteItem(props: { note: DeskNote; reply?: boolean }): ReactNode {
  const { t } = useTranslation('notes');
  const { note } = props;
  return (
    <div className={props.reply ? 'nd-note is-reply' : 'nd-note'} data-testid="note" data-note-id={note.id} data-state={note.state}>
      <div className="nd-note-meta">
        <span className="nd-note-author">{note.author}</span> <time dateTime={note.createdAt}>{formatVietnamDateTime(note.createdAt)}</time>
      </div>
      <NoteBody note={note} />
      {note.state === 'pending' ? <p className="nd-note-state">{t('pending')}</p> : null}
      {note.state === 'refused' ? (
        <p className="nd-note-state is-refused" role="alert">
          {t('refused', { reason: note.refusedReason ?? '' })}
        </p>
      ) : null}
    </div>
  );
}

export function NoteThreadView(props: {
  thread: NoteThread;
  active: boolean;
  lost: boolean;
  people: readonly Person[];
  onShowPassage: (id: string) => void;
  onReply: (parentId: string, body: string) => Promise<void>;
}): ReactNode {
  const { t } = useTranslation('notes');
  const { thread } = props;
  const [replying, setReplying] = useState(false);
  const root = thread.root;
  return (
    <li className={props.active ? 'nd-note-thread is-active' : 'nd-note-thread'} data-testid="note-thread" data-note-id={root.id}>
      {root.passage !== null ? (
        <button
          type="button"
          className="nd-note-passage"
          aria-label={`${t('passageLabel')}: ${root.passage}`}
          title={props.lost ? t('passageLost') : t('showPassage')}
          disabled={props.lost}
          onClick={() => props.onShowPassage(root.id)}
        >
          <q>{root.passage}</q>
          {props.lost ? <span className="nd-note-lost">{t('passageLost')}</span> : null}
        </button>
      ) : null}
      <NoteItem note={root} />
      {thread.replies.map((reply) => (
        <NoteItem key={reply.id} note={reply} reply />
      ))}
      {root.parentId === null ? (
        replying ? (
          <NoteComposer
            people={props.people}
            placeholder={t('replyPlaceholder')}
            testId="note-reply"
            autoFocus
            onCancel={() => setReplying(false)}
            onSend={async (body) => {
              await props.onReply(root.id, body);
              setReplying(false);
            }}
          />
        ) : (
          <button type="button" className="button button-quiet nd-note-reply" data-testid="note-reply-open" onClick={() => setReplying(true)}>
            {t('reply')}
          </button>
        )
      ) : null}
    </li>
  );
}
