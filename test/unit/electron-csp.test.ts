import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, installContentSecurityPolicy, withContentSecurityPolicy } from '../../electron/csp';
import { resetElectronFake, session } from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('the Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
    ['img-src', "'self' data: blob: app:"],
    ['style-src', "'self' 'unsafe-inline'"],
  ])('%s is %s', (name, value) => {
    expect(policy.get(name)).toBe(value);
  });

  it('never lets scripts come from anywhere but the app, nor be evaluated', () => {
    for (const [name, value] of policy) {
      if (name === 'script-src' || name === 'default-src') {
        expect(value).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
      }
    }
    expect([...policy.keys()]).not.toContain('connect-src'); // falls back to default-src 'self'
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy to app:// responses', () => {
    expect(withContentSecurityPolicy('app://newsdesk/index.html', { 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy('app://newsdesk/', undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('replaces a looser policy whatever the header case', () => {
    const headers = withContentSecurityPolicy('app://newsdesk/index.html', {
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'CONTENT-SECURITY-POLICY': ['default-src *'],
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it.each(['https://baochinhphu.vn/', 'devtools://devtools/bundled/inspector.html', 'app://evil/index.html'])(
    'leaves %s as it came',
    (url) => {
      const headers = { 'Content-Type': ['text/html'] };
      expect(withContentSecurityPolicy(url, headers)).toBe(headers);
    },
  );
});

describe('installContentSecurityPolicy', () => {
  beforeEach(() => resetElectronFake());

  it('hooks onHeadersReceived and sets the header on app:// responses only', () => {
    installContentSecurityPolicy(session.defaultSession as unknown as Electron.Session);
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    const listener = session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;

    const appResponse = vi.fn();
    listener({ url: 'app://newsdesk/index.html', responseHeaders: {} }, appResponse);
    expect(appResponse).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });

    const webResponse = vi.fn();
    listener({ url: 'https://example.com/', responseHeaders: { 'X-Frame-Options': ['DENY'] } }, webResponse);
    expect(webResponse).toHaveBeenCalledWith({ responseHeaders: { 'X-Frame-Options': ['DENY'] } });
  });
});
