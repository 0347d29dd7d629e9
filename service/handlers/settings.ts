// Settings: read with defaults filled in, changed a few keys at a time.
import type { Handlers } from '../../core/api';
import type { ServiceContext } from '../context';
import { handler } from '../handler';

export function settingsHandlers(context: ServiceContext): Pick<Handlers, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': handler('settings.get', () => context.settings.read()),
    'settings.set': handler('settings.set', (patch) => context.settings.write(patch)),
  };
}
