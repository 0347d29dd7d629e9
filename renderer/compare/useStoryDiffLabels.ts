// The names a story comparison shows (fields, "changed"), read from the history
// namespace, where a story's versions are named; each view says what a
// paragraph found on one side only means there.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoryDiffLabels } from './StoryDiffView';

export function useStoryDiffLabels(sides: { changed?: string; onlyInA: string; onlyInB: string }): StoryDiffLabels {
  const { t } = useTranslation('history');
  const { changed, onlyInA, onlyInB } = sides;
  return useMemo(
    () => ({
      headline: t('headline'),
      sapo: t('sapo'),
      body: t('body'),
      details: t('details'),
      changed: changed ?? t('changed'),
      onlyInA,
      onlyInB,
      byline: t('byline'),
      section: t('section'),
      tags: t('tags'),
    }),
    [t, changed, onlyInA, onlyInB],
  );
}
