// The personal dictionary: words the spellchecker should accept (names,
// local places, newsroom jargon). It may hold thousands, so it filters and
// shows a bounded number at a time.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch, normalizeText } from '../../core/text';

const SHOWN = 200;

export function DictionaryEditor(props: { words: string[]; onChange: (words: string[]) => void }): ReactNode {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState('');
  const addId = useId();
  const filterId = useId();
  const { words, onChange } = props;

  const add = (): void => {
    const word = normalizeText(draft).trim();
    if (word === '') return;
    if (!words.includes(word)) onChange([...words, word]);
    setDraft('');
  };

  const folded = foldForSearch(filter.trim());
  const matching = folded === '' ? words : words.filter((word) => foldForSearch(word).includes(folded));
  const shown = matching.slice(0, SHOWN);

  return (
    <fieldset className="field">
      <legend>{t('settings.dictionary', { count: words.length })}</legend>
      <div className="inline-form">
        <label className="visually-hidden" htmlFor={addId}>
          {t('settings.dictionaryAdd')}
        </label>
        <input
          id={addId}
          type="text"
          value={draft}
          maxLength={100}
          placeholder={t('settings.dictionaryAdd')}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button" onClick={add}>
          {t('common.add')}
        </button>
      </div>
      {words.length > 10 && (
        <div className="inline-form">
          <label className="visually-hidden" htmlFor={filterId}>
            {t('settings.dictionaryFilter')}
          </label>
          <input
            id={filterId}
            type="search"
            value={filter}
            placeholder={t('settings.dictionaryFilter')}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      )}
      {words.length === 0 ? (
        <p className="field-hint">{t('settings.dictionaryEmpty')}</p>
      ) : (
        <ul className="dictionary-list" aria-label={t('settings.dictionaryList')}>
          {shown.map((word) => (
            <li key={word}>
              <span>{word}</span>
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('settings.removeWord', { word })}
                onClick={() => onChange(words.filter((other) => other !== word))}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {matching.length > shown.length && <p className="field-hint">{t('settings.dictionaryMore', { count: matching.length - shown.length })}</p>}
    </fieldset>
  );
}
