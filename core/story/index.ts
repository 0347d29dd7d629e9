export * from './body';
export * from './story';
