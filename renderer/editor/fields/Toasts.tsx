// Short messages from the editor: "revision saved" fades by itself, errors
// stay until dismissed. Background work (image uploads) shows while it runs.
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

const INFO_TOAST_MS = 3_000;

export function useToasts(): {
  toasts: readonly Toast[];
  work: readonly string[];
  notify: (message: string, tone?: 'info' | 'error') => void;
  dismiss: (id: number) => void;
  beginWork: (label: string) => () => void;
} {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [work, setWork] = useState<Array<{ id: number; label: string }>>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((old) => old.filter((toast) => toast.id !== id)), []);
  const notify = useCallback(
    (message: string, tone: 'info' | 'error' = 'info') => {
      const id = nextId.current++;
      setToasts((old) => [...old, { id, message, tone }]);
      if (tone === 'info') setTimeout(() => dismiss(id), INFO_TOAST_MS);
    },
    [dismiss],
  );
  const beginWork = useCallback((label: string) => {
    const id = nextId.current++;
    setWork((old) => [...old, { id, label }]);
    return () => setWork((old) => old.filter((item) => item.id !== id));
  }, []);
  const labels = useMemo(() => work.map((item) => item.label), [work]);
  return { toasts, work: labels, notify, dismiss, beginWork };
}

export function Toasts(props: { toasts: readonly Toast[]; work: readonly string[]; onDismiss: (id: number) => void }): ReactNode {
  const { t } = useTranslation('editor');
  return (
    <div className="nd-toasts">
      <div role="status" aria-live="polite">
        {props.work.map((label, index) => (
          <p key={index} className="nd-toast is-work" data-testid="editor-work">
            {label}
          </p>
        ))}
        {props.toasts
          .filter((toast) => toast.tone === 'info')
          .map((toast) => (
            <p key={toast.id} className="nd-toast" data-testid="editor-toast">
              {toast.message}
            </p>
          ))}
      </div>
      <div role="alert">
        {props.toasts
          .filter((toast) => toast.tone === 'error')
          .map((toast) => (
            <p key={toast.id} className="nd-toast is-error" data-testid="editor-error">
              <span>{toast.message}</span>
              <button type="button" className="button button-quiet" aria-label={t('dismiss')} onClick={() => props.onDismiss(toast.id)}>
                ×
              </button>
            </p>
          ))}
      </div>
    </div>
  );
}
