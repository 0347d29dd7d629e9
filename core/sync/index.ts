export * from './protocol';
export * from './backoff';
export * from './auth';
