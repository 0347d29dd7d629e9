import { useEffect, useState } from 'react';
import type { NewsdeskClient } from '../transport';

/** The sections stories use, for the filter; re-read when stories change. Failing quietly is fine: the filter just offers fewer choices. */
export function useSections(client: NewsdeskClient, revision: number): string[] {
  const [sections, setSections] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    client.call('stories.sections', {}).then(
      (found) => {
        if (current) setSections(found);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, revision]);
  return sections;
}
