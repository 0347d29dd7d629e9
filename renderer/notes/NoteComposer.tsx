// Writing a note or a reply: a text box that suggests colleagues after "@"
// (from the server's account list when it is reachable; a plain @username
// works whatever the list says), sent with the button or Ctrl+Enter.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { insertMention, mentionAt, suggestPeople, type Person } from './mention-query';

export function NoteComposer(props: {
  people: readonly Person[];
  placeholder: string;
  testId: string;
  /** Resolves when the note is kept; the box then empties. */
  onSend: (body: string) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}): ReactNode {
  const { t } = useTranslation('notes');
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [highlight, setHighlight] = useState(0);
  const [closed, setClosed] = useState(false);
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  const at = mentionAt(text, caret);
  const suggestions = at === null || closed ? [] : suggestPeople(props.people, at.query);
  const open = suggestions.length > 0;

  const choose = (person: Person): void => {
    if (at === null) return;
    const next = insertMention(text, at, person.username);
    setText(next.text);
    setCaret(next.caret);
    setHighlight(0);
    requestAnimationFrame(() => box.current?.setSelectionRange(next.caret, next.caret));
  };

  const send = (): void => {
    if (text.trim() === '' || sending) return;
    setSending(true);
    props.onSend(text).then(
      () => {
        setText('');
        setCaret(0);
        setSending(false);
      },
      () => setSending(false),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
      return;
    }
    if (open) {
      const chosen = suggestions[Math.min(highlight, suggestions.length - 1)];
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlight((h) => (h + step + suggestions.length) % suggestions.length);
      } else if ((event.key === 'Enter' || event.key === 'Tab') && chosen) {
        event.preventDefault();
        choose(chosen);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        setClosed(true);
      }
      return;
    }
    if (event.key === 'Escape' && props.onCancel) {
      event.preventDefault();
      props.onCancel();
    }
  };

  return (
    <div className="nd-note-composer">
      <textarea
        ref={box}
        className="nd-note-input"
        data-testid={props.testId}
        value={text}
        rows={2}
        lang="vi"
        placeholder={props.placeholder}
        aria-label={props.placeholder}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        autoFocus={props.autoFocus}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setClosed(false);
          setHighlight(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul id={listId} className="nd-mention-list" role="listbox" aria-label={t('mentionsLabel')} data-testid="mention-suggestions">
          {suggestions.map((person, i) => (
            <li
              key={person.username}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'is-active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
            >
              <span className="nd-mention-name">{person.displayName}</span> <span className="nd-mention-user">@{person.username}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="nd-note-actions">
        {props.onCancel ? (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        ) : null}
        <button type="button" className="button button-primary" data-testid={`${props.testId}-send`} title={t('sendHint')} disabled={sending || text.trim() === ''} onClick={send}>
          {t('send')}
        </button>
      </div>
    </div>
  );
}
