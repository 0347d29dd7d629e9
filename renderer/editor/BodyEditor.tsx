// The body: Lexical with the story's nodes and one plugin per feature.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type LexicalEditor } from 'lexical';
import { memo, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteMarksPlugin } from '../notes/NoteMarksPlugin';
import { isAllowedLinkUrl, type StoryBody } from '../../core/story';
import { bodyEditorConfig } from './editor-config';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { BlockIdsPlugin } from './plugins/BlockIdsPlugin';
import { ConflictMarksPlugin } from './plugins/ConflictMarksPlugin';
import { FigurePlugin } from './plugins/FigurePlugin';
import { FormatShortcutsPlugin } from './plugins/FormatShortcutsPlugin';
import { ImagesPlugin } from './plugins/ImagesPlugin';
import { LinkDialogPlugin } from './plugins/LinkDialogPlugin';
import { MarkdownPlugin } from './plugins/MarkdownPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { RelatedStoriesPlugin } from './plugins/RelatedStoriesPlugin';
import { SpellcheckPlugin } from './plugins/SpellcheckPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import type { StoryDocument } from './useStoryDocument';

/** Hands the editor out, so that the sapo's Enter can move the caret into the body. */
function EditorHandle(props: { onEditor: (editor: LexicalEditor | null) => void }): null {
  const [editor] = useLexicalComposerContext();
  const { onEditor } = props;
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  return null;
}

/** A story this user may not edit opens with its body read-only (its toolbar sits in a disabled fieldset). */
function EditablePlugin(props: { readOnly: boolean }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.setEditable(!props.readOnly);
  }, [editor, props.readOnly]);
  return null;
}

/** Focuses the body with the caret at its start. */
export function focusBodyStart(editor: LexicalEditor): void {
  editor.getRootElement()?.focus({ preventScroll: true });
  editor.update(() => $getRoot().selectStart());
}

/**
 * Memoized, with stable props only: typing in the headline or a save-state
 * change must not re-render the body and its figures.
 */
export const BodyEditor = memo(function BodyEditor(props: {
  body: StoryBody;
  autosave: Pick<StoryDocument, 'attachEditor' | 'bodyChanged' | 'flush'>;
  onEditor: (editor: LexicalEditor | null) => void;
  readOnly?: boolean;
  /** Blocks waiting for a choice after a merge. */
  conflictBlocks: readonly string[];
}): ReactNode {
  const { t } = useTranslation('editor');
  const { body } = props;
  // The body is read once, when the story opens; after that Lexical owns it.
  const config = useMemo(
    () =>
      bodyEditorConfig(body, (error) => {
        console.error('Lexical', error);
      }),
    [body],
  );
  return (
    <LexicalComposer initialConfig={config}>
      <ToolbarPlugin />
      <div className="nd-body-frame">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id="story-body"
              className="nd-body"
              data-testid="editor-body"
              aria-label={t('bodyLabel')}
              aria-multiline
              spellCheck={false}
              aria-placeholder={t('bodyPlaceholder')}
              placeholder={<div className="nd-body-placeholder">{t('bodyPlaceholder')}</div>}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <BlockIdsPlugin />
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isAllowedLinkUrl} />
      <MarkdownPlugin />
      <FormatShortcutsPlugin />
      <LinkDialogPlugin />
      <PastePlugin />
      <ImagesPlugin />
      <FigurePlugin />
      <RelatedStoriesPlugin />
      <SpellcheckPlugin />
      <AutosavePlugin document={props.autosave} />
      <NoteMarksPlugin />
      <ConflictMarksPlugin blockIds={props.conflictBlocks} />
      <EditorHandle onEditor={props.onEditor} />
      <EditablePlugin readOnly={props.readOnly ?? false} />
    </LexicalComposer>
  );
});
