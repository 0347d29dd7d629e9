// The local HTTP transport's per-run token arrives once in the page URL
// (`/?token=…`). It is moved into sessionStorage and taken out of the visible
// URL at once, so that it does not linger in the address bar, history or
// screenshots, yet survives a reload of the tab.
const STORAGE_KEY = 'newsdesk.token';

export interface TokenPlace {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function takeToken(place: TokenPlace): string | null {
  const url = new URL(place.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    place.storage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    place.history.replaceState(place.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return place.storage.getItem(STORAGE_KEY);
}
