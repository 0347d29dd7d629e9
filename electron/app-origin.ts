// The one origin the renderer is served from. Navigation, IPC and CSP checks all
// compare against it, so it lives in one place.
export const APP_SCHEME = 'app';
export const APP_HOST = 'newsdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Compare parts, not prefixes: "app://newsdesk.evil/" and "app://newsdesk@evil/" must not pass.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
