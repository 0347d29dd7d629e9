// A figure in the body: the image, its caption and its photo credit. Caption
// and credit are plain inputs; each change is written to the node, so undo,
// autosave and the saved JSON all see it.
import type { LexicalEditor, NodeKey } from 'lexical';
import { $getNodeByKey } from 'lexical';
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { figureAltText } from '../../../core/story';
import { $isFigureNode, type FigureFields } from '../../../core/story/lexical-nodes';
import { toServiceError } from '../../transport/client';
import { useEditorServices } from '../EditorServices';
import { imageUrl } from './media';
import { OPEN_IMAGE_DIALOG_COMMAND } from '../plugins/commands';
import { focusEditor } from '../dom/focus-editor';

type Shown =
  | { state: 'loading' }
  | { state: 'ready'; url: string }
  /** No file anywhere to show (nor on the server): a placeholder in words, and a way to replace it. */
  | { state: 'lost'; message: string }
  /** The file exists somewhere but could not be brought here now: a way to try again. */
  | { state: 'failed'; message: string }
  | { state: 'none' };

/** Answers of media.get that no retry will change: only another image helps. */
const LOST_CODES = new Set(['MEDIA_MISSING', 'MEDIA_NOT_FOUND', 'MEDIA_REFUSED']);

function useImage(src: string): { shown: Shown; retry: () => void } {
  const { client } = useEditorServices();
  const [attempt, setAttempt] = useState(0);
  const [shown, setShown] = useState<{ src: string; attempt: number; shown: Shown }>({ src: '', attempt: 0, shown: { state: 'none' } });
  useEffect(() => {
    if (src === '') return;
    let live = true;
    imageUrl(client, src).then(
      (url) => live && setShown({ src, attempt, shown: { state: 'ready', url } }),
      (error: unknown) => {
        if (!live) return;
        const failure = toServiceError(error);
        const state = LOST_CODES.has(failure.code) ? 'lost' : 'failed';
        setShown({ src, attempt, shown: { state, message: failure.message } });
      },
    );
    return () => {
      live = false;
    };
  }, [client, src, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (src === '') return { shown: { state: 'none' }, retry };
  return { shown: shown.src === src && shown.attempt === attempt ? shown.shown : { state: 'loading' }, retry };
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
  const { shown: image, retry } = useImage(fields.src);
  const chooseFile = (): void => {
    editor.dispatchCommand(OPEN_IMAGE_DIALOG_COMMAND, nodeKey);
  };
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
        {image.state === 'failed' && (
          <div className="nd-figure-missing" data-testid="figure-unavailable">
            <p role="alert">{t('figureLoadFailed', { message: image.message })}</p>
            <button type="button" className="button" onClick={retry} data-testid="figure-retry">
              {t('figureRetry')}
            </button>
          </div>
        )}
        {image.state === 'lost' && (
          <div className="nd-figure-missing" data-testid="figure-lost" role="group" aria-label={t('figureLost')}>
            <p className="nd-figure-missing-title">{t('figureLost')}</p>
            <p>{image.message}</p>
            <button type="button" className="button" onClick={chooseFile} data-testid="figure-replace">
              {t('figureReplace')}
            </button>
          </div>
        )}
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
            <button type="button" className="button" onClick={chooseFile}>
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
