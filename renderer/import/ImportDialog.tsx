// Import from the UI: choose or drop a .txt/.docx, see what the importer made
// of it, then create the story ("Tạo bài") and open it.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../core/api';
import { toServiceError, type NewsdeskClient } from '../transport';
import { Dialog } from '../ui/Dialog';
import { ImportFileError, readImportFile } from './import-file';
import { ImportPreviewView } from './ImportPreviewView';

type Step =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; fileName: string; bytes: string; preview: ImportPreview }
  | { step: 'creating'; fileName: string; bytes: string; preview: ImportPreview };

export function ImportDialog(props: {
  client: NewsdeskClient;
  /** A file dropped on the window, to preview at once. */
  file: File | null;
  onClose: () => void;
  onCreated: (storyId: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const { client, onCreated } = props;
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [withTeasers, setWithTeasers] = useState(false);
  const asked = useRef(0);

  const previewFile = useCallback(
    async (file: File) => {
      asked.current += 1;
      const question = asked.current;
      setError(null);
      setStep({ step: 'reading', fileName: file.name });
      try {
        const { fileName, bytes } = await readImportFile(file);
        const preview = await client.call('import.preview', { fileName, bytes });
        if (asked.current === question) setStep({ step: 'preview', fileName, bytes, preview });
      } catch (failure) {
        if (asked.current !== question) return;
        setError(
          failure instanceof ImportFileError
            ? t(`import.problem.${failure.problem}`, { name: failure.fileName })
            : toServiceError(failure).message,
        );
        setStep({ step: 'choose' });
      }
    },
    [client, t],
  );

  useEffect(() => {
    if (props.file !== null) void previewFile(props.file);
  }, [props.file, previewFile]);

  const create = async (): Promise<void> => {
    if (step.step !== 'preview') return;
    setStep({ ...step, step: 'creating' });
    setError(null);
    try {
      const created = await client.call('import.create', { fileName: step.fileName, bytes: step.bytes, withTeasers });
      onCreated(created.storyId);
    } catch (failure) {
      setError(toServiceError(failure).message);
      setStep({ ...step, step: 'preview' });
    }
  };

  const shown = step.step === 'preview' || step.step === 'creating' ? step : null;
  return (
    <Dialog title={t('import.title')} onClose={props.onClose} testId="import-dialog" className="dialog-wide">
      <div className="dialog-body">
        {error !== null && (
          <p className="form-error" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        {step.step === 'choose' && (
          <div className="import-choose">
            <label className="button button-primary file-button">
              {t('import.chooseFile')}
              <input
                className="file-input"
                type="file"
                accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                data-testid="import-file-input"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file !== undefined) void previewFile(file);
                  event.target.value = '';
                }}
              />
            </label>
            <p className="import-muted">{t('import.dropHint')}</p>
          </div>
        )}
        {step.step === 'reading' && (
          <p role="status" className="import-muted">
            {t('import.reading', { name: step.fileName })}
          </p>
        )}
        {shown !== null && <ImportPreviewView preview={shown.preview} fileName={shown.fileName} />}
      </div>
      <div className="dialog-actions">
        {shown !== null && shown.preview.teasers.length > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={withTeasers} onChange={(event) => setWithTeasers(event.target.checked)} />
            {t('import.withTeasers', { count: shown.preview.teasers.length })}
          </label>
        )}
        <span className="spacer" />
        {shown !== null && (
          <button type="button" className="button" onClick={() => setStep({ step: 'choose' })} disabled={shown.step === 'creating'}>
            {t('import.otherFile')}
          </button>
        )}
        <button type="button" className="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
        {shown !== null && (
          <button
            type="button"
            className="button button-primary"
            data-testid="import-confirm"
            disabled={shown.step === 'creating'}
            onClick={() => void create()}
          >
            {shown.step === 'creating' ? t('import.creating') : t('import.create')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
