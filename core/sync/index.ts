export * from './protocol';
export * from './backoff';
export * from './auth';
export * from './newsroom-api';
export * from './newsroom-history';
