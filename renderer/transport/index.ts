import { createBridgeClient, findBridge } from './bridge';
import type { NewsdeskClient } from './client';
import { createHttpClient } from './http';
import { takeToken } from './token';

export { ServiceError, toServiceError, type NewsdeskClient } from './client';

/** The client for wherever this page runs: the desktop app's bridge, else the local HTTP transport. */
export function createClient(): NewsdeskClient {
  const bridge = findBridge(window);
  if (bridge !== null) return createBridgeClient(bridge);
  const token = takeToken({ location: window.location, history: window.history, storage: window.sessionStorage });
  return createHttpClient({ origin: window.location.origin, token });
}
