// Ctrl+K (or the toolbar) opens a small dialog for the link under the
// selection. Only http, https and mailto are accepted, the same rule the body
// schema enforces; a bare domain gets https:// in front.
import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  type BaseSelection,
} from 'lexical';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedLinkUrl } from '../../../core/story';
import { Dialog, DialogActions, DialogBody, DialogField, DialogSpacer } from '../../ui/Dialog';
import { OPEN_LINK_DIALOG_COMMAND } from './commands';
import { isPrimaryShortcut } from './shortcuts';
import { focusEditor } from '../dom/focus-editor';

/** What the writer typed, as a URL to try: "laodongthudo.vn/abc" means https. */
export function linkUrlFromInput(typed: string): string {
  const url = typed.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (/^[^\s/@]+@[^\s/@]+\.[^\s/@]+$/.test(url)) return `mailto:${url}`;
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u.test(url)) return `https://${url}`;
  return url;
}

interface Editing {
  selection: BaseSelection | null;
  url: string;
  hasText: boolean;
}

function LinkDialog(props: { initial: string; canRemove: boolean; onApply: (url: string) => void; onRemove: () => void; onCancel: () => void }): ReactNode {
  const { t } = useTranslation('editor');
  const [typed, setTyped] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const url = linkUrlFromInput(typed);
    if (!isAllowedLinkUrl(url)) {
      setError(t('linkInvalid'));
      return;
    }
    props.onApply(url);
  };

  return (
    <Dialog title={t('linkTitle')} onClose={props.onCancel} testId="link-dialog">
      <form className="dialog-form" onSubmit={submit} noValidate>
        <DialogBody>
          <DialogField label={t('linkUrl')} htmlFor={inputId}>
            <input
              id={inputId}
              type="text"
              inputMode="url"
              autoFocus
              value={typed}
              placeholder={t('linkPlaceholder')}
              aria-invalid={error !== null}
              aria-describedby={error === null ? undefined : errorId}
              data-testid="link-url"
              onChange={(event) => {
                setTyped(event.currentTarget.value);
                setError(null);
              }}
            />
          </DialogField>
          {error !== null && (
            <p id={errorId} role="alert" className="form-error" data-testid="link-error">
              {error}
            </p>
          )}
        </DialogBody>
        <DialogActions>
          {props.canRemove && (
            <button type="button" className="button" onClick={props.onRemove}>
              {t('linkRemove')}
            </button>
          )}
          <DialogSpacer />
          <button type="button" className="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="link-apply">
            {t('linkApply')}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function LinkDialogPlugin(): ReactNode {
  const [editor] = useLexicalComposerContext();
  const [editing, setEditing] = useState<Editing | null>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_LINK_DIALOG_COMMAND,
          () => {
            const state = editor.getEditorState().read((): Editing => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return { selection: null, url: '', hasText: false };
              const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
              return {
                selection: selection.clone(),
                url: $isLinkNode(link) ? link.getURL() : '',
                hasText: !selection.isCollapsed() || link !== null,
              };
            });
            if (state.selection !== null) setEditing(state);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!isPrimaryShortcut(event, 'k')) return false;
            event.preventDefault();
            return editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined);
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );

  if (editing === null) return null;

  const close = (): void => {
    setEditing(null);
    focusEditor(editor);
  };
  const apply = (url: string | null): void => {
    editor.update(() => {
      if (editing.selection !== null) $setSelection(editing.selection.clone());
      const selection = $getSelection();
      if (url !== null && !editing.hasText && $isRangeSelection(selection)) {
        // Nothing selected: the address itself becomes the link text.
        selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
        return;
      }
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    });
    close();
  };

  return (
    <LinkDialog
      initial={editing.url}
      canRemove={editing.url !== ''}
      onApply={(url) => apply(url)}
      onRemove={() => apply(null)}
      onCancel={close}
    />
  );
}
