// Three-way merges of stories: what lets two people edit one story apart and
// lose nothing when their copies meet. See ./types for what comes back.
export { mergeStoryContent, mergeSet } from './story';
export { mergeBodies, type BodyMerge } from './body';
export { mergeText } from './text';
export { resolveConflict } from './resolve';
export type * from './types';
export { commonBase } from './common-base';
export { asItStands, findBlock, settleConflict } from './settle';
