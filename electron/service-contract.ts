// The part of service/ the shell relies on. Narrower than service/'s own types
// on purpose: the shell only carries calls and events, whatever the handlers are.
import type * as service from '../service';

export type AppService = Pick<service.AppService, 'call' | 'on' | 'close'>;

export interface AppServiceModule {
  /** `tokenStore`: the shell keeps the sign-in token with safeStorage (./token-store). */
  createAppService(opts: { dataDir: string; tokenStore?: service.TokenStore }): Promise<AppService>;
  HANDLER_NAMES: readonly string[];
  EVENT_NAMES: readonly string[];
}
