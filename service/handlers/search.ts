// Search over the local store: folded, so "cham lo doan vien" finds "chăm lo đoàn viên".
import type { Handlers } from '../../core/api';
import type { ServiceContext } from '../context';
import { handler } from '../handler';

export function searchHandlers(context: ServiceContext): Pick<Handlers, 'search.query'> {
  return {
    'search.query': handler('search.query', ({ query, limit }) =>
      context.store.search(query, limit === undefined ? {} : { limit }).map(({ id, headline, snippet }) => ({
        id,
        headline,
        snippet,
      })),
    ),
  };
}
