// The headline: one line. Enter (which would start a second line) moves on to the sapo.
import { forwardRef, useId, useImperativeHandle, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldSpellcheck } from '../spell/FieldSpellcheck';

export const HeadlineField = forwardRef<HTMLTextAreaElement, { value: string; onChange: (value: string) => void; onEnter: () => void; onBlur: () => void }>(
  function HeadlineField(props, ref): ReactNode {
    const { t } = useTranslation('editor');
    const id = useId();
    const field = useRef<HTMLTextAreaElement>(null);
    useImperativeHandle(ref, () => field.current as HTMLTextAreaElement);
    return (
      <div className="nd-headline-field nd-spell-field">
        <label htmlFor={id} className="visually-hidden">
          {t('headlineLabel')}
        </label>
        <FieldSpellcheck source="headline" field={field} value={props.value} onChange={props.onChange} className="nd-headline" />
        {/* A textarea so that a long headline wraps as it will on the page; newlines never get in. */}
        <textarea
          ref={field}
          id={id}
          className="nd-headline"
          rows={1}
          value={props.value}
          placeholder={t('headlinePlaceholder')}
          data-testid="headline-input"
          spellCheck={false}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              props.onEnter();
            }
          }}
          onBlur={props.onBlur}
        />
      </div>
    );
  },
);
