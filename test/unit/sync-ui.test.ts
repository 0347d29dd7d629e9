// The sync indicator and the sign-in form. What the indicator says is a table
// over states (describeSync); the components run against a real app service
// in this process (its own SQLite store), through a client shaped like the
// renderer's, with the `sync` strings in both languages.
import { dom } from '../helpers/dom-globals';
import i18next, { type i18n as I18n } from 'i18next';
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncState } from '../../core/api';
import { describeSync, type SyncLine } from '../../renderer/sync/describe-sync';
import en from '../../renderer/sync/i18n/en';
import vi from '../../renderer/sync/i18n/vi';
import { SignInForm } from '../../renderer/sync/SignInForm';
import { SyncIndicator } from '../../renderer/sync/SyncIndicator';
import { ServiceError, type NewsdeskClient } from '../../renderer/transport/client';
import { memoryTokenStore, type AppService } from '../../service';
import { openDesk, waitFor, type Desk } from '../helpers/sync-desk';


/** Nothing listens on the discard port: every request fails at once. */
const CLOSED_SERVER = 'http://127.0.0.1:9';

const state = (overrides: Partial<SyncState>): SyncState => ({
  online: true,
  pending: 0,
  lastError: null,
  lastSyncedAt: '2025-03-01T08:00:00.000Z',
  signedIn: true,
  syncing: false,
  progress: null,
  conflicts: 0,
  ...overrides,
});

describe('what the indicator says', () => {
  const table: Array<[string, SyncState, Pick<SyncLine, 'key' | 'tone'> & Partial<SyncLine>]> = [
    ['nobody signed in', state({ signedIn: false, online: false, pending: 3 }), { key: 'signedOut', tone: 'offline', values: { count: 3 } }],
    ['the server is unreachable', state({ online: false, pending: 3, lastError: 'Không kết nối được tới máy chủ' }), { key: 'offline', tone: 'offline', values: { count: 3 }, error: 'Không kết nối được tới máy chủ' }],
    ['changes wait', state({ pending: 3 }), { key: 'pending', tone: 'busy', values: { count: 3 } }],
    ['a small round is under way', state({ pending: 3, syncing: true, progress: { sent: 1, total: 3 } }), { key: 'pending', tone: 'busy', progress: null }],
    ['a backlog uploads', state({ pending: 4000, syncing: true, progress: { sent: 1000, total: 5000 } }), { key: 'syncing', tone: 'busy', values: { sent: 1000, total: 5000 }, progress: { sent: 1000, total: 5000 } }],
    ['all is sent', state({}), { key: 'synced', tone: 'ok', error: null }],
    ['all is sent but one change was refused', state({ lastError: 'Máy chủ không nhận bài “Tít”: Phóng viên chỉ có thể lưu nháp hoặc gửi bài' }), { key: 'notSynced', tone: 'error' }],
    ['two stories have two versions', state({ conflicts: 2 }), { key: 'synced', tone: 'ok', conflicts: 2 }],
    ['an older service sends only four fields', { online: true, pending: 0, lastError: null, lastSyncedAt: null }, { key: 'synced', tone: 'ok', conflicts: 0, progress: null }],
  ];
  it.each(table)('when %s', (_case, input, expected) => {
    expect(describeSync(input)).toMatchObject(expected);
  });
});

function i18nFor(language: 'vi' | 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { vi: { sync: vi }, en: { sync: en } },
    lng: language,
    fallbackLng: 'vi',
    ns: ['sync'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** As a transport does: the service's errors reach the UI as the renderer's ServiceError. */
function clientOf(service: AppService): NewsdeskClient {
  return {
    transport: 'http',
    call: (name, args) =>
      service.call(name, args).catch((error: unknown) => {
        const { code, message } = error as { code: string; message: string };
        throw new ServiceError(code, message);
      }),
    on: (event, listener) => service.on(event, listener),
  };
}

const mounted: Array<{ root: Root; host: HTMLElement }> = [];
const desks: Desk[] = [];

afterEach(async () => {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount());
    host.remove();
  }
  for (const desk of desks.splice(0)) await desk.close();
});

async function render(element: ReactElement, language: 'vi' | 'en' = 'vi'): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  await act(async () => {
    root.render(createElement(I18nextProvider, { i18n: i18nFor(language) }, element));
  });
  return host;
}

/** A desktop with its own store; `signedIn`: as if it had signed in to CLOSED_SERVER last time it ran. */
async function desk(signedIn = false): Promise<AppService> {
  const opened = await openDesk();
  desks.push(opened);
  if (!signedIn) return opened.service;
  await opened.service.call('settings.set', { serverUrl: CLOSED_SERVER });
  return opened.reopen({
    tokenStore: memoryTokenStore({
      token: 'q8dU2bJ1m0fXk3n4p5r6s7t8u9v0w1x2y3z4A5B6C7D',
      serverUrl: CLOSED_SERVER,
      username: 'hphong',
      expiresAt: '2099-01-01T00:00:00.000Z',
    }),
  });
}

const textOf = (host: HTMLElement, testId: string) => host.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';

function type(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(dom.HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new dom.Event('input', { bubbles: true }) as unknown as Event);
}

describe('the sync indicator', () => {
  it('counts the changes waiting while nobody is signed in', async () => {
    const service = await desk();
    const host = await render(createElement(SyncIndicator, { client: clientOf(service) }));
    await waitFor('the first status', () => textOf(host, 'sync-indicator') === 'Chưa đăng nhập máy chủ');
    await act(async () => {
      await service.call('stories.create', { content: { headline: 'Công đoàn cơ sở chăm lo Tết cho đoàn viên' } });
    });
    await waitFor('the count', () => textOf(host, 'sync-indicator').includes('1 thay đổi chờ đồng bộ'));
    expect(host.querySelector('[data-testid="sync-indicator"]')?.getAttribute('data-state')).toBe('signedOut');
    expect(host.querySelector('button')).toBeNull();
  });

  it('says offline, with the reason in words, when the server cannot be reached', async () => {
    const service = await desk(true);
    const host = await render(createElement(SyncIndicator, { client: clientOf(service) }), 'en');
    await act(async () => {
      await service.call('stories.create', {});
      await service.call('sync.now', {});
    });
    await waitFor('offline', () => textOf(host, 'sync-indicator').startsWith('Offline'));
    expect(textOf(host, 'sync-indicator')).toContain('1 change waiting to sync');
    expect(textOf(host, 'sync-error')).toMatch(/^Last error: .*127\.0\.0\.1:9/);
    expect(host.querySelector('button')?.textContent).toBe('Sync now');
  });
});

describe('the sign-in form', () => {
  it('asks for every field, then shows the service’s reason in Vietnamese', async () => {
    const service = await desk();
    const host = await render(createElement(SignInForm, { client: clientOf(service) }));
    const [address, username, password] = [...host.querySelectorAll('input')] as HTMLInputElement[];
    const button = () => host.querySelector<HTMLButtonElement>('button');
    await act(async () => button()?.click());
    expect(host.querySelector('[role="alert"]')?.textContent).toBe(vi.missingFields);

    await act(async () => {
      type(address as HTMLInputElement, 'máy chủ toà soạn');
      type(username as HTMLInputElement, 'hphong');
      type(password as HTMLInputElement, 'Mật khẩu toà soạn 2025');
    });
    await act(async () => button()?.click());
    await waitFor('the refusal', () => host.querySelector('[role="alert"]')?.textContent === 'Địa chỉ máy chủ không phải địa chỉ web hợp lệ');
    expect((await service.call('sync.status', {})).signedIn).toBe(false);
  });

  it('shows who is signed in where, and signs out', async () => {
    const service = await desk(true);
    const host = await render(createElement(SignInForm, { client: clientOf(service) }));
    await waitFor('the signed-in line', () => textOf(host, 'signed-in-as') === `Đã đăng nhập ${CLOSED_SERVER} với tên hphong.`);
    await act(async () => host.querySelector<HTMLButtonElement>('button')?.click());
    await waitFor('the form again', () => host.querySelector('input[type="password"]') !== null);
    expect(host.querySelector<HTMLInputElement>('input[type="url"]')?.value).toBe(CLOSED_SERVER);
    expect(await service.call('sync.status', {})).toMatchObject({ signedIn: false, username: null });
  });
});
