// The formatting toolbar. One tab stop (arrow keys move between buttons, as
// WAI-ARIA's toolbar pattern asks); toggles report aria-pressed; a mouse click
// keeps the caret in the text.
import { $isLinkNode } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ImageIcon, LinkIcon, RelatedIcon } from './ToolbarIcons';
import { OPEN_IMAGE_DIALOG_COMMAND, OPEN_LINK_DIALOG_COMMAND, OPEN_RELATED_PICKER_COMMAND } from './commands';
import { focusEditor } from '../dom/focus-editor';
import { $copyBlockFormatIndentAndId } from '../../../core/story/lexical-nodes';

type BlockType = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'other';

interface ToolbarState {
  formats: ReadonlySet<TextFormatType>;
  block: BlockType;
  link: boolean;
}

const FORMATS: readonly TextFormatType[] = ['bold', 'italic', 'underline', 'strikethrough'];
const EMPTY: ToolbarState = { formats: new Set(), block: 'paragraph', link: false };

function $readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY;
  const anchor = selection.anchor.getNode();
  const top =
    anchor.getKey() === 'root'
      ? null
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? null);
  let block: BlockType = 'paragraph';
  if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    block = list.getListType() === 'number' ? 'number' : list.getListType() === 'bullet' ? 'bullet' : 'other';
  } else if ($isHeadingNode(top)) {
    const tag = top.getTag();
    block = tag === 'h2' || tag === 'h3' ? tag : 'other';
  } else if ($isQuoteNode(top)) {
    block = 'quote';
  }
  return {
    formats: new Set(FORMATS.filter((format) => selection.hasFormat(format))),
    block,
    link: $findMatchingParent(anchor, $isLinkNode) !== null,
  };
}

function sameState(a: ToolbarState, b: ToolbarState): boolean {
  return a.block === b.block && a.link === b.link && a.formats.size === b.formats.size && [...a.formats].every((f) => b.formats.has(f));
}

function setBlock(editor: LexicalEditor, current: BlockType, wanted: 'h2' | 'h3' | 'quote' | 'bullet' | 'number'): void {
  if (wanted === 'bullet' || wanted === 'number') {
    if (current === wanted) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(wanted === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    // The block keeps its id through the change of type: to a merge it is still the same block.
    if (current === wanted) $setBlocksType(selection, () => $createParagraphNode(), $copyBlockFormatIndentAndId);
    else if (wanted === 'quote') $setBlocksType(selection, () => $createQuoteNode(), $copyBlockFormatIndentAndId);
    else $setBlocksType(selection, () => $createHeadingNode(wanted), $copyBlockFormatIndentAndId);
  });
}

interface ButtonSpec {
  id: string;
  label: string;
  glyph: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
}

export function ToolbarPlugin(): ReactNode {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('editor');
  const [state, setState] = useState<ToolbarState>(EMPTY);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  useEffect(() => {
    // Every keystroke is an update; re-render only when what the buttons show changes.
    const show = (next: ToolbarState): void => setState((old) => (sameState(old, next) ? old : next));
    return mergeRegister(
        editor.registerUpdateListener(({ editorState }) => show(editorState.read($readToolbarState))),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            show($readToolbarState());
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (can) => {
            setCanUndo(can);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (can) => {
            setCanRedo(can);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
    );
  }, [editor]);

  const format = (type: TextFormatType) => () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const block = (wanted: 'h2' | 'h3' | 'quote' | 'bullet' | 'number') => () => setBlock(editor, state.block, wanted);

  const groups: ButtonSpec[][] = [
    [
      { id: 'undo', label: t('undo'), glyph: '↶', disabled: !canUndo, run: () => editor.dispatchCommand(UNDO_COMMAND, undefined) },
      { id: 'redo', label: t('redo'), glyph: '↷', disabled: !canRedo, run: () => editor.dispatchCommand(REDO_COMMAND, undefined) },
    ],
    [
      { id: 'bold', label: t('bold'), glyph: 'B', pressed: state.formats.has('bold'), run: format('bold') },
      { id: 'italic', label: t('italic'), glyph: 'I', pressed: state.formats.has('italic'), run: format('italic') },
      { id: 'underline', label: t('underline'), glyph: 'U', pressed: state.formats.has('underline'), run: format('underline') },
      { id: 'strikethrough', label: t('strikethrough'), glyph: 'S', pressed: state.formats.has('strikethrough'), run: format('strikethrough') },
    ],
    [
      { id: 'h2', label: t('heading2'), glyph: 'H2', pressed: state.block === 'h2', run: block('h2') },
      { id: 'h3', label: t('heading3'), glyph: 'H3', pressed: state.block === 'h3', run: block('h3') },
      { id: 'quote', label: t('quote'), glyph: '❝', pressed: state.block === 'quote', run: block('quote') },
      { id: 'bullet-list', label: t('bulletList'), glyph: '•', pressed: state.block === 'bullet', run: block('bullet') },
      { id: 'number-list', label: t('numberList'), glyph: '1.', pressed: state.block === 'number', run: block('number') },
    ],
    [
      { id: 'link', label: t('link'), glyph: <LinkIcon />, pressed: state.link, run: () => editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined) },
      { id: 'figure', label: t('insertFigure'), glyph: <ImageIcon />, run: () => editor.dispatchCommand(OPEN_IMAGE_DIALOG_COMMAND, null) },
      { id: 'related', label: t('insertRelated'), glyph: <RelatedIcon />, run: () => editor.dispatchCommand(OPEN_RELATED_PICKER_COMMAND, null) },
    ],
  ];
  const flat = groups.flat();
  const activeIndex = Math.min(focusIndex, flat.length - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = { ArrowRight: activeIndex + 1, ArrowLeft: activeIndex - 1, Home: 0, End: flat.length - 1 };
    if (event.key === 'Escape') {
      event.preventDefault();
      focusEditor(editor);
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + flat.length) % flat.length;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  let index = 0;
  return (
    <div className="nd-toolbar" role="toolbar" aria-label={t('toolbar')} aria-controls="story-body" onKeyDown={onKeyDown}>
      {groups.map((group, groupIndex) => (
        <div className="nd-toolbar-group" key={groupIndex}>
          {group.map((spec) => {
            const myIndex = index++;
            return (
              <button
                key={spec.id}
                ref={(element) => {
                  buttons.current[myIndex] = element;
                }}
                type="button"
                className={`nd-tool nd-tool-${spec.id}`}
                data-testid={`toolbar-${spec.id}`}
                aria-label={spec.label}
                title={spec.label}
                aria-pressed={spec.pressed}
                aria-disabled={spec.disabled === true ? true : undefined}
                tabIndex={myIndex === activeIndex ? 0 : -1}
                onFocus={() => setFocusIndex(myIndex)}
                // Keep the caret (and the selection to format) in the text.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (spec.disabled !== true) spec.run();
                }}
              >
                <span aria-hidden="true">{spec.glyph}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
