import { useEffect, useState } from 'react';
import type { SaveStateInfo } from '../list/SaveStateBadge';
import type { NewsdeskClient } from '../transport';

/** The latest save state the service reported for each story. */
export function useSaveStates(client: NewsdeskClient): ReadonlyMap<string, SaveStateInfo> {
  const [states, setStates] = useState<ReadonlyMap<string, SaveStateInfo>>(new Map());
  useEffect(
    () =>
      client.on('save.state', ({ id, state, message }) => {
        setStates((old) => new Map(old).set(id, { state, message }));
      }),
    [client],
  );
  return states;
}
