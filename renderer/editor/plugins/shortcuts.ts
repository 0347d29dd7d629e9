// Ctrl on Windows and Linux, Cmd on macOS: the editor's shortcuts follow the platform.
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function isPrimaryShortcut(event: KeyLike, key: string, options: { shift?: boolean } = {}): boolean {
  const primary = event.ctrlKey !== event.metaKey;
  return primary && !event.altKey && event.shiftKey === (options.shift ?? false) && event.key.toLowerCase() === key;
}
