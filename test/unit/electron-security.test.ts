import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  installNavigationGuards,
  isExternalUrlAllowed,
  secureWebContents,
} from '../../electron/security';
import { app, FakeEvent, FakeWebContents, resetElectronFake, session, shell } from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

function securedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  secureWebContents(contents as unknown as Electron.WebContents);
  return contents;
}

function fire(contents: FakeWebContents, name: string, url = ''): FakeEvent {
  const event = new FakeEvent(url);
  contents.emit(name, event, url);
  return event;
}

beforeEach(() => resetElectronFake());

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s away from app://newsdesk is prevented', (name) => {
    const contents = securedContents();
    for (const url of [
      'https://baochinhphu.vn/chinh-phu-ban-hanh-nghi-dinh.htm',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://evil/index.html',
      'app://newsdesk.evil/index.html',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      expect(fire(contents, name, url).defaultPrevented, url).toBe(true);
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within app://newsdesk goes ahead', (name) => {
    const contents = securedContents();
    expect(fire(contents, name, 'app://newsdesk/index.html').defaultPrevented).toBe(false);
    expect(fire(contents, name, 'app://newsdesk/bai-viet/0190f3a2').defaultPrevented).toBe(false);
  });

  it('blocks every <webview>', () => {
    const contents = securedContents();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, { preload: '/tmp/evil.js' }, { src: 'https://example.com' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('new windows and external links', () => {
  it.each([
    ['https://baochinhphu.vn/chinh-phu.htm', true],
    ['http://thanhnien.vn/thoi-su', true],
    ['HTTPS://VNEXPRESS.NET/', true],
    ['javascript:alert(document.cookie)', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['smb://attacker.example/share/payload.exe', false],
    ['mailto:toasoan@newsdesk.vn', false],
    ['app://newsdesk/index.html', false],
    ['data:text/html,hi', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['not a url', false],
  ])('%s opens in the OS browser: %s', (url, external) => {
    const contents = securedContents();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    if (external) expect(shell.openExternal).toHaveBeenCalledWith(url);
    else expect(shell.openExternal).not.toHaveBeenCalled();
    expect(isExternalUrlAllowed(url)).toBe(external);
  });
});

describe('installNavigationGuards', () => {
  it('secures every webContents the app creates', () => {
    installNavigationGuards();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), contents);
    expect(fire(contents, 'will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    denyAllPermissions(session.defaultSession as unknown as Electron.Session);
    const request = session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const check = session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      origin: string,
    ) => boolean;

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      request(new FakeWebContents(), permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check(new FakeWebContents(), permission, 'app://newsdesk'), permission).toBe(false);
    }
  });
});
