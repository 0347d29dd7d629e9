import { useCallback, useRef, useState } from 'react';
import type { Notice } from './Notices';

const KEEP = 3;

export function useNotices(): { notices: Notice[]; notify: (message: string) => void; dismiss: (id: number) => void } {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const notify = useCallback((message: string) => {
    const id = next.current++;
    setNotices((old) => [...old.filter((notice) => notice.message !== message), { id, message }].slice(-KEEP));
  }, []);
  const dismiss = useCallback((id: number) => setNotices((old) => old.filter((notice) => notice.id !== id)), []);
  return { notices, notify, dismiss };
}
