export { normalizeText } from './normalize';
export { isWellFormed, repairLoneSurrogates, toStoredText, toWellFormed } from './well-formed';
export { foldForSearch } from './fold';
export { slugify } from './slug';
export { countWords, readingTime, SYLLABLES_PER_MINUTE } from './count';
export { placeTone, placeTonesInText, type TonePlacement } from './tone';
export { tokenizeSyllables, isExemptFromSpellcheck, spellingCandidates, personalDictionaryKey, createSyllableChecker, type SyllableToken, type SyllableChecker } from './spell-normalize';
export { createSyllableSuggester, editDistance } from './spell-suggest';
export { COMMON_SYLLABLES, syllableRarity } from './syllable-frequency';
