import { describe, expect, it } from 'vitest';
import { coalescedRequest } from '../../renderer/transport/coalesced';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalescedRequest', () => {
  it('keeps one request in flight and folds a burst of asks into one more', async () => {
    const pending: Array<ReturnType<typeof deferred>> = [];
    const request = coalescedRequest(() => {
      const next = deferred();
      pending.push(next);
      return next.promise;
    });
    request.ask();
    request.ask();
    request.ask();
    expect(pending).toHaveLength(1);
    pending[0]?.resolve();
    await settle();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve();
    await settle();
    expect(pending).toHaveLength(2);
  });

  it('goes on after a failed request, and stops asking once stopped', async () => {
    const pending: Array<ReturnType<typeof deferred>> = [];
    const request = coalescedRequest(() => {
      const next = deferred();
      pending.push(next);
      return next.promise;
    });
    request.ask();
    request.ask();
    pending[0]?.reject(new Error('offline'));
    await settle();
    expect(pending).toHaveLength(2);
    request.stop();
    pending[1]?.resolve();
    request.ask();
    await settle();
    expect(pending).toHaveLength(2);
  });
});
