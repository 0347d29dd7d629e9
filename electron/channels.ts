// IPC channel names shared by main and preload. The preload bundle imports this
// file, so it must stay free of Node and Electron imports.
export const CALL_CHANNEL = 'newsdesk:call';
export const EVENT_CHANNEL = 'newsdesk:event';
