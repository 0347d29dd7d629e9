export { IMPORT_LIMITS, MAX_BODY_JSON_DEPTH, REQUEST_LIMITS, STORY_LIMITS } from './limits';
export { checkBodyLimits, jsonStringBytes, measureBody, type BodyMeasure } from './body-limits';
export { checkStoryLimits, STORY_FIELD_LABELS, tooManyMessage } from './story-limits';
export {
  checkJsonText,
  JSON_GUARD_CODES,
  measureJsonText,
  parseJsonWithin,
  valueExceedsNesting,
  type JsonGuardCode,
  type JsonGuardRefusal,
  type JsonGuardResult,
  type JsonLimits,
  type JsonTextMeasure,
} from './json-guard';
export { formatCount, formatSize, tooLongMessage } from './messages';
