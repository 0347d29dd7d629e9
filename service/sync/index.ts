// Desk sync: the worker, its wiring and its handlers.
export { createDesktopSync, type DesktopSync } from './desktop-sync';
export { memoryTokenStore, storedToken, type StoredToken, type TokenStore } from './token-store';
export { systemTimers, type SyncOptions, type SyncTimers } from './options';
export { syncHandlers } from './handlers';
