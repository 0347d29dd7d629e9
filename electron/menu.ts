import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { EventPayloads } from '../core/api';

/** What a menu item asks the renderer to do; it travels as the contract's 'menu.command' event. */
export type MenuCommand = EventPayloads['menu.command']['command'];

export interface MenuOptions {
  readonly appName: string;
  readonly isMac: boolean;
  /** Reload and developer tools only make sense while developing. */
  readonly isDev: boolean;
}

export interface MenuActions {
  send(command: MenuCommand): void;
  showAbout(): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev } = options;
  const about: MenuItemConstructorOptions = { label: `Giới thiệu ${appName}`, click: () => actions.showAbout() };
  const quit: MenuItemConstructorOptions = { label: 'Thoát', role: 'quit', accelerator: isMac ? 'Cmd+Q' : 'Ctrl+Q' };
  const settings: MenuItemConstructorOptions = { label: 'Cài đặt…', accelerator: 'CmdOrCtrl+,', click: () => actions.send('settings') };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{
        label: appName,
        submenu: [
          about,
          separator,
          settings,
          separator,
          { label: `Ẩn ${appName}`, role: 'hide', accelerator: 'Cmd+H' },
          { label: 'Ẩn các ứng dụng khác', role: 'hideOthers', accelerator: 'Cmd+Alt+H' },
          { label: 'Hiện tất cả', role: 'unhide' },
          separator,
          { ...quit, label: `Thoát ${appName}` },
        ],
      }]
    : [];

  const file: MenuItemConstructorOptions = {
    label: 'Tệp',
    submenu: [
      { label: 'Bài mới', accelerator: 'CmdOrCtrl+N', click: () => actions.send('new-story') },
      { label: 'Nhập bài…', accelerator: 'CmdOrCtrl+O', click: () => actions.send('import') },
      separator,
      { label: 'Lưu phiên bản', accelerator: 'CmdOrCtrl+S', click: () => actions.send('save-revision') },
      // macOS keeps Settings and Quit in the application menu.
      ...(isMac ? [] : [separator, settings, separator, quit]),
    ],
  };

  // Roles, not clicks: Chromium routes them to the focused editor, where Lexical
  // turns undo/redo into its own history commands.
  const edit: MenuItemConstructorOptions = {
    label: 'Sửa',
    submenu: [
      { label: 'Hoàn tác', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { label: 'Làm lại', role: 'redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
      separator,
      { label: 'Cắt', role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { label: 'Sao chép', role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { label: 'Dán', role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { label: 'Chọn tất cả', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'Xem',
    submenu: [
      ...(isDev
        ? [
            { label: 'Tải lại', role: 'reload', accelerator: 'CmdOrCtrl+R' } satisfies MenuItemConstructorOptions,
            { label: 'Công cụ phát triển', role: 'toggleDevTools', accelerator: isMac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' } satisfies MenuItemConstructorOptions,
            separator,
          ]
        : []),
      { label: 'Phóng to', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { label: 'Thu nhỏ', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      { label: 'Cỡ mặc định', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      separator,
      { label: 'Toàn màn hình', role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };

  const help: MenuItemConstructorOptions = { label: 'Trợ giúp', role: 'help', submenu: [about] };

  return [...appMenu, file, edit, view, help];
}

export function installMenu(options: MenuOptions, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options, actions)));
}
