// The sapo is the lead paragraph, printed in bold: it is edited in bold, with
// a live word count against the recommended length. One paragraph, so Enter
// moves on to the body.
import { forwardRef, useId, useImperativeHandle, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldSpellcheck } from '../spell/FieldSpellcheck';
import { SAPO_WORDS, sapoLength } from '../document/counts';

export const SapoField = forwardRef<HTMLTextAreaElement, { value: string; onChange: (value: string) => void; onEnter: () => void; onBlur: () => void }>(
  function SapoField(props, ref): ReactNode {
    const { t } = useTranslation('editor');
    const id = useId();
    const hintId = useId();
    const field = useRef<HTMLTextAreaElement>(null);
    useImperativeHandle(ref, () => field.current as HTMLTextAreaElement);
    const onChange = (value: string): void => props.onChange(value.replace(/\n+/g, ' '));
    const length = sapoLength(props.value);
    const verdict = length.verdict === 'short' ? t('sapoShort') : length.verdict === 'long' ? t('sapoLong') : null;
    return (
      <div className="nd-sapo-field nd-spell-field">
        <label htmlFor={id} className="visually-hidden">
          {t('sapoLabel')}
        </label>
        <FieldSpellcheck source="sapo" field={field} value={props.value} onChange={onChange} className="nd-sapo" />
        <textarea
          ref={field}
          id={id}
          className="nd-sapo"
          rows={2}
          value={props.value}
          placeholder={t('sapoPlaceholder')}
          aria-describedby={hintId}
          data-testid="sapo-input"
          spellCheck={false}
          onChange={(event) => onChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              props.onEnter();
            }
          }}
          onBlur={props.onBlur}
        />
        <p id={hintId} className={`nd-hint nd-sapo-hint is-${length.verdict}`} data-testid="sapo-count">
          {t('sapoHint', { count: length.words, min: SAPO_WORDS.min, max: SAPO_WORDS.max })}
          {verdict !== null && <span className="nd-sapo-verdict"> · {verdict}</span>}
        </p>
      </div>
    );
  },
);
