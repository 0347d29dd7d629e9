// A figure in the body: the image, its caption and its photo credit. Caption
// and credit are plain inputs; each change is written to the node, so undo,
// autosave and the saved JSON all see it.
import type { LexicalEditor, NodeKey } from 'lexical';
import { $getNodeByKey } from 'lexical';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { figureAltText } from '../../../core/story';
import { $isFigureNode, type FigureFields } from '../../../core/story/lexical-nodes';
import { useEditorServices } from '../EditorServices';
import { imageUrl } from './media';
import { OPEN_IMAGE_DIALOG_COMMAND } from '../plugins/commands';
import { focusEditor } from '../dom/focus-editor';

type Shown = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; message: string } | { state: 'none' };

function useImage(src: string): Shown {
  const { client } = useEditorServices();
  const [shown, setShown] = useState<{ src: string; shown: Shown }>({ src: '', shown: { state: 'none' } });
  useEffect(() => {
    if (src === '') return;
    let live = true;
    imageUrl(client, src).then(
      (url) => live && setShown({ src, shown: { state: 'ready', url } }),
      (error: unknown) => live && setShown({ src, shown: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [client, src]);
  if (src === '') return { state: 'none' };
  return shown.src === src ? shown.shown : { state: 'loading' };
}

/**
 * An input over a node field. While the writer types, the input shows its own
 * text (the node catches up a moment later); otherwise it shows the node's,
 * so an undo in the body shows up here.
 */
function NodeTextInput(props: { value: string; onChange: (value: string) => void; testId: string; placeholder?: string; describedBy?: string }): ReactNode {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="text"
      value={draft ?? props.value}
      placeholder={props.placeholder}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        props.onChange(event.currentTarget.value);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

export function FigureView(props: { editor: LexicalEditor; nodeKey: NodeKey; fields: FigureFields }): ReactNode {
  const { editor, nodeKey, fields } = props;
  const { t } = useTranslation('editor');
  const image = useImage(fields.src);
  const altHintId = useId();

  const update = (patch: Partial<FigureFields>): void => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isFigureNode(node)) node.setFields(patch);
    });
  };
  const remove = (): void => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (!$isFigureNode(node)) return;
      if (node.getNextSibling() !== null) node.selectNext(0, 0);
      else node.selectPrevious();
      node.remove();
    });
    focusEditor(editor);
  };

  return (
    <figure className="nd-figure" data-testid="figure">
      <div className="nd-figure-image">
        {image.state === 'ready' && <img src={image.url} alt={figureAltText(fields)} draggable={false} />}
        {image.state === 'loading' && <p role="status">{t('figureLoading')}</p>}
        {image.state === 'failed' && <p role="alert">{t('figureLoadFailed', { message: image.message })}</p>}
        {image.state === 'none' && (
          <div className="nd-figure-missing">
            <p>{t('figureMissing')}</p>
          </div>
        )}
      </div>
      <figcaption className="nd-figure-fields">
        <label className="nd-field-inline">
          <span>{t('figureCaption')}</span>
          <NodeTextInput value={fields.caption} testId="figure-caption" onChange={(caption) => update({ caption })} />
        </label>
        <label className="nd-field-inline">
          <span>{t('figureCredit')}</span>
          <NodeTextInput
            value={fields.credit}
            placeholder={t('figureCreditPlaceholder')}
            testId="figure-credit"
            onChange={(credit) => update({ credit })}
          />
        </label>
        <label className="nd-field-inline nd-figure-alt">
          <span>{t('figureAlt')}</span>
          <NodeTextInput
            value={fields.alt}
            placeholder={t('figureAltPlaceholder', { caption: fields.caption })}
            describedBy={altHintId}
            testId="figure-alt"
            onChange={(alt) => update({ alt })}
          />
          <small id={altHintId} className="nd-figure-alt-hint">
            {t('figureAltHint')}
          </small>
        </label>
        <div className="nd-figure-actions">
          {fields.src === '' && (
            <button type="button" className="button" onClick={() => editor.dispatchCommand(OPEN_IMAGE_DIALOG_COMMAND, nodeKey)}>
              {t('figureChoose')}
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={remove} data-testid="figure-remove">
            {t('figureRemove')}
          </button>
        </div>
      </figcaption>
    </figure>
  );
}
