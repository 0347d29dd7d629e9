export { normalizeText } from './normalize';
export { foldForSearch } from './fold';
export { slugify } from './slug';
export { countWords, readingTime, SYLLABLES_PER_MINUTE } from './count';
