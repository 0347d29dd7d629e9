// @vitest-environment happy-dom
// "Xem chi tiết" under the sync indicator: which changes the server refused and
// which pulled stories this desk set aside, each with its reason, asked of the
// service only when opened (and afresh at every opening); nothing to show, and
// a failure to ask, are said in words too. Headlines from the sample articles.
import { act, createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerName, SyncProblems as Problems } from '../../core/api';
import { SyncProblems } from '../../renderer/sync/SyncProblems';
import { ServiceError } from '../../renderer/transport/client';
import { FakeServiceDesk } from '../helpers/fake-service-client';
import { get, render, settle, unmountAll } from '../helpers/react-dom';

const LDLD = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const CUM = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';

class ProblemsDesk extends FakeServiceDesk {
  constructor(public problems: Problems | Error) {
    super();
  }

  protected answer(name: HandlerName): unknown {
    if (name !== 'sync.problems') throw new Error(`unexpected ${name}`);
    if (this.problems instanceof Error) throw this.problems;
    return this.problems;
  }
}

afterEach(unmountAll);

/** Opens the list as a click on "Xem chi tiết" does (the browser fires 'toggle'). */
async function open(host: HTMLElement): Promise<HTMLDetailsElement> {
  const details = get(host, 'sync-problems') as HTMLDetailsElement;
  await act(async () => {
    details.open = true;
  });
  return details;
}

async function close(details: HTMLDetailsElement): Promise<void> {
  await act(async () => {
    details.open = false;
  });
}

const items = (host: HTMLElement) => [...host.querySelectorAll('.sync-problems-list li')].map((li) => li.textContent);

describe('the sync problems list', () => {
  it('asks only when opened, then lists each refused and set-aside change with its reason', async () => {
    const desk = new ProblemsDesk({
      refused: [{ storyId: 's1', headline: LDLD, reason: 'Bài đang được biên tập' }],
      setAside: [
        { storyId: 's2', headline: CUM, reason: 'Bài có ảnh không đọc được', at: '2025-03-01T08:00:00.000Z' },
        { storyId: null, headline: '  ', reason: 'Dữ liệu không hợp lệ', at: '2025-03-01T08:01:00.000Z' },
      ],
    });
    const host = await render(createElement(SyncProblems, { client: desk.client() }));
    expect(get(host, 'sync-problems').querySelector('summary')?.textContent).toBe('Xem chi tiết');
    expect(desk.named('sync.problems')).toHaveLength(0);

    await open(host);
    await settle(() => expect(items(host)).toHaveLength(3));
    expect(items(host)).toEqual([
      `${LDLD}: máy chủ không nhận (Bài đang được biên tập)`,
      `${CUM}: bản từ máy chủ không lưu được trên máy này (Bài có ảnh không đọc được)`,
      'Chưa có tít: bản từ máy chủ không lưu được trên máy này (Dữ liệu không hợp lệ)',
    ]);
    expect(host.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('Những thay đổi chưa đồng bộ được');
    expect(desk.named('sync.problems')).toHaveLength(1);
  });

  it('asks again at every opening, and says when nothing is left', async () => {
    const desk = new ProblemsDesk({ refused: [{ storyId: 's1', headline: LDLD, reason: 'Bài đang được biên tập' }], setAside: [] });
    const host = await render(createElement(SyncProblems, { client: desk.client() }));
    const details = await open(host);
    await settle(() => expect(items(host)).toHaveLength(1));
    await close(details);
    expect(desk.named('sync.problems')).toHaveLength(1);

    desk.problems = { refused: [], setAside: [] };
    await open(host);
    await settle(() => expect(host.querySelector('.sync-problems-list')?.textContent).toBe('Không có thay đổi nào bị từ chối hay để riêng.'));
    expect(items(host)).toEqual([]);
    expect(desk.named('sync.problems')).toHaveLength(2);
  });

  it('says in words when the list cannot be read', async () => {
    const desk = new ProblemsDesk(new ServiceError('STORE_BUSY', 'Kho dữ liệu đang bận, hãy thử lại'));
    const host = await render(createElement(SyncProblems, { client: desk.client() }));
    await open(host);
    await settle(() => expect(host.querySelector('.sync-problems-list .nd-error')?.textContent).toBe('Kho dữ liệu đang bận, hãy thử lại'));
    expect(items(host)).toEqual([]);
  });

  it('speaks English when the app does', async () => {
    const desk = new ProblemsDesk({ refused: [{ storyId: 's1', headline: LDLD, reason: 'Bài đang được biên tập' }], setAside: [] });
    const host = await render(createElement(SyncProblems, { client: desk.client() }), 'en');
    expect(get(host, 'sync-problems').querySelector('summary')?.textContent).not.toBe('Xem chi tiết');
    await open(host);
    await settle(() => expect(items(host)).toHaveLength(1));
    expect(items(host)[0]).toContain(LDLD);
    expect(items(host)[0]).not.toContain('máy chủ không nhận');
  });
});
