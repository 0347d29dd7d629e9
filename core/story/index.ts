export * from './body';
export * from './block-id';
export { describeBodyError } from './body-issues';
export * from './story';
export { importBlock, type ImportBlock } from './import-block';
export { bodyFromBlocks, blocksFromBody, type BodyFromBlocksOptions } from './build';
export { plainTextOfBody, storyWordCount, inlineText } from './plain-text';
export * as nodes from './node-factories';
export { relatedBlock } from './node-factories';
