export * from './contract';
export * from './envelope';
export * from './events';
export * from './contract-workflow';
export * from './desk-workflow';
export * from './notification-texts';
export * from './contract-notes';
