// A push the server will not read at all (400 for the whole request, as a
// server older than notes answers an op kind it does not know): the desk splits
// it until the op refused is alone, then sets that op aside with the reason.
// A note refused so is shown refused on its thread, never stuck as "waiting",
// and never counted as refused text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, LocalStore } from '../../db';
import type { ServiceContext } from '../../service/context';
import { ServiceEvents } from '../../service/events';
import type { MediaUploader } from '../../service/sync/media-upload';
import { syncLimits } from '../../service/sync/options';
import { OutboxPusher } from '../../service/sync/push';
import { SyncFailure, type SyncServerClient } from '../../service/sync/server-client';
import { storyContentOf } from '../helpers/db-story-content';
import { makeTempDir, type TempDir } from '../helpers/db-temp';
import { newId } from '../helpers/server/stories';

const OLD_SERVER = 'Thao tác không hợp lệ: kind phải là upsert, delete hoặc transition';
let temp: TempDir;
let store: LocalStore;

beforeEach(() => {
  temp = makeTempDir();
  store = new LocalStore(temp.file('store.db'), { defaultSettings: defaultSettings('hphong') });
});
afterEach(() => {
  store.close();
  temp.remove();
});

/** A server that answers every push with 400 when it holds a note, and applies the rest. */
function serverWithoutNotes(): SyncServerClient {
  let rev = 0;
  const client = {
    async push(ops: ReadonlyArray<{ opId: string; kind: string }>) {
      if (ops.some((op) => op.kind === 'note')) throw new SyncFailure('refused', OLD_SERVER, 400);
      return { results: ops.map((op) => ({ opId: op.opId, status: 'applied' as const, rev: ++rev, seq: rev })) };
    },
  };
  return client as unknown as SyncServerClient;
}

describe('a push the server will not read', () => {
  it('sets the lone note it refuses aside on its thread, with the reason, and sends everything else', async () => {
    const context: ServiceContext = { store, stories: store.stories, settings: store.settings, events: new ServiceEvents(), clock: () => new Date() };
    const story = store.stories.create(storyContentOf({ headline: 'Cụm thi đua số 4 chăm lo đời sống đoàn viên', paragraphs: ['Năm 2025, 1.250 đoàn viên được tặng quà.'] }), { author: 'hphong' });
    const other = store.stories.create(storyContentOf({ headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới', paragraphs: ['Hoạt động hiệu quả vì người lao động.'] }), { author: 'hphong' });
    const note = store.notes.add({ id: newId(), storyId: story.id, blockId: null, passage: null, parentId: null, body: 'Nhờ kiểm tra số liệu.' }, 'hphong');
    const media = { upload: async () => undefined } as unknown as MediaUploader;
    const pusher = new OutboxPusher({ context, outbox: store.outbox, reconciler: store.reconciler, media }, syncLimits({}));
    const hooks = { stopped: () => false, answered: () => undefined, progress: () => undefined, changed: () => undefined };
    const account = { serverUrl: 'http://127.0.0.1:9', username: 'hphong', token: 'x' };

    await pusher.pushAll(serverWithoutNotes(), account as never, hooks);

    expect(store.outbox.unsentCount()).toBe(0);
    expect(store.notes.threads(story.id)[0]?.root).toMatchObject({ id: note.id, state: 'refused', refusedReason: OLD_SERVER });
    // Not refused text: both stories went up.
    expect(store.outbox.refused()).toEqual([]);
    expect(store.stories.get(story.id)?.baseRev).toBeGreaterThan(0);
    expect(store.stories.get(other.id)?.baseRev).toBeGreaterThan(0);
  });
});
