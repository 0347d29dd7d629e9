// Window-wide shortcuts. In the desktop app the native menu has the same
// accelerators and sends 'menu.command'; commands are safe to run twice.
export type AppCommand = 'new-story' | 'import' | 'search' | 'settings';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const BY_KEY: Record<string, AppCommand> = { n: 'new-story', o: 'import', f: 'search', ',': 'settings' };

export function commandForKey(press: KeyPress): AppCommand | null {
  const primary = press.ctrlKey !== press.metaKey; // Ctrl on Windows and Linux, Cmd on macOS, not both
  if (!primary || press.altKey || press.shiftKey) return null;
  return BY_KEY[press.key.toLowerCase()] ?? null;
}
