import { useCallback, useEffect, useState } from 'react';
import { hashForStory, storyIdFromHash } from './open-story';

export function useOpenStory(): [string | null, (id: string | null) => void] {
  const [openId, setOpenId] = useState(() => storyIdFromHash(window.location.hash));

  useEffect(() => {
    const follow = (): void => setOpenId(storyIdFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const open = useCallback((id: string | null) => {
    setOpenId(id);
    const url = new URL(window.location.href);
    url.hash = hashForStory(id);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }, []);

  return [openId, open];
}
