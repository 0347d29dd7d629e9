// What the importer found in a file, shown before anything is created: the
// writer checks headline, sapo, structure and the importer's warnings.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../core/api';

export function ImportPreviewView(props: { preview: ImportPreview; fileName: string }): ReactNode {
  const { t } = useTranslation();
  const { preview } = props;
  const headings = preview.blocks.filter((block) => block.type === 'heading');
  const figures = preview.blocks.filter((block) => block.type === 'figure');
  const paragraphs = preview.blocks.filter((block) => block.type === 'paragraph').length;
  const boxes = (['Nên xem', 'Tin khác'] as const).map((box) => ({ box, teasers: preview.teasers.filter((teaser) => teaser.box === box) }));

  return (
    <section className="import-preview" data-testid="import-preview" aria-label={t('import.previewLabel', { name: props.fileName })}>
      {preview.warnings.length > 0 && (
        <div className="import-warnings" role="alert" data-testid="import-warnings">
          <h3>{t('import.warnings', { count: preview.warnings.length })}</h3>
          <ul>
            {preview.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </div>
      )}

      <p className="import-field-label">{t('import.headline')}</p>
      <p className="import-headline" data-testid="import-headline">
        {preview.headline === '' ? t('import.none') : preview.headline}
      </p>

      <p className="import-field-label">{t('import.sapo')}</p>
      <p className="import-sapo" data-testid="import-sapo">
        {preview.sapo === '' ? t('import.none') : preview.sapo}
      </p>

      <p className="import-field-label">{t('import.related', { count: preview.related.length })}</p>
      {preview.related.length > 0 ? (
        <ul className="import-related" data-testid="import-related">
          {preview.related.map((title, index) => (
            <li key={index}>{title}</li>
          ))}
        </ul>
      ) : (
        <p className="import-muted">{t('import.none')}</p>
      )}

      <p className="import-field-label">{t('import.body')}</p>
      <p data-testid="import-body-summary">
        {t('import.paragraphs', { count: paragraphs })} · {t('import.headings', { count: headings.length })} ·{' '}
        {t('import.figures', { count: figures.length })}
      </p>
      {headings.length > 0 && (
        <ul className="import-headings" data-testid="import-headings" aria-label={t('import.headingsList')}>
          {headings.map((block, index) => (
            <li key={index}>{block.text}</li>
          ))}
        </ul>
      )}
      {figures.length > 0 && (
        <ul className="import-figures" data-testid="import-figures" aria-label={t('import.figuresList')}>
          {figures.map((block, index) => (
            <li key={index}>{block.caption === '' ? t('import.noCaption') : block.caption}</li>
          ))}
        </ul>
      )}

      <p className="import-field-label">{t('import.byline')}</p>
      <p className="import-byline" data-testid="import-byline">
        {preview.byline === '' ? t('import.none') : preview.byline}
      </p>

      <p className="import-field-label">{t('import.teasers', { count: preview.teasers.length })}</p>
      {boxes.map(({ box, teasers }) =>
        teasers.length === 0 ? null : (
          <details key={box} className="import-teasers">
            <summary>{t('import.teaserBox', { box, count: teasers.length })}</summary>
            <ul>
              {teasers.map((teaser, index) => (
                <li key={index}>
                  <strong>{teaser.headline}</strong>
                  {teaser.sapo !== '' && <span className="import-muted"> — {teaser.sapo}</span>}
                </li>
              ))}
            </ul>
          </details>
        ),
      )}
    </section>
  );
}
