// Length targets per section, in words: the editor shows the writer how far along they are.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetRow } from './settings-form';

export function TargetsEditor(props: { rows: TargetRow[]; sections: readonly string[]; onChange: (rows: TargetRow[]) => void }): ReactNode {
  const { t } = useTranslation();
  const listId = useId();
  const { rows, onChange } = props;
  const change = (index: number, row: Partial<TargetRow>): void =>
    onChange(rows.map((old, at) => (at === index ? { ...old, ...row } : old)));

  return (
    <fieldset className="field">
      <legend>{t('settings.targets')}</legend>
      <p className="field-hint">{t('settings.targetsHint')}</p>
      <datalist id={listId}>
        {props.sections.map((section) => (
          <option key={section} value={section} />
        ))}
      </datalist>
      {rows.length > 0 && (
        <table className="targets-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.targetSection')}</th>
              <th scope="col">{t('settings.targetWords')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.targetActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>
                  <input
                    type="text"
                    list={listId}
                    value={row.section}
                    aria-label={t('settings.targetSectionRow', { row: index + 1 })}
                    onChange={(event) => change(index, { section: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    step={1}
                    inputMode="numeric"
                    value={row.words}
                    aria-label={t('settings.targetWordsRow', { row: index + 1 })}
                    onChange={(event) => change(index, { words: event.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('settings.removeTarget', { section: row.section === '' ? index + 1 : row.section })}
                    onClick={() => onChange(rows.filter((_, at) => at !== index))}
                  >
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button" onClick={() => onChange([...rows, { section: '', words: '' }])}>
        {t('settings.addTarget')}
      </button>
    </fieldset>
  );
}
