import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installMenu, type MenuActions, type MenuOptions } from '../../electron/menu';
import { Menu, resetElectronFake } from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

const windowsOrLinux: MenuOptions = { appName: 'Newsdesk', isMac: false, isDev: false };

function actions() {
  return { send: vi.fn<MenuActions['send']>(), showAbout: vi.fn<MenuActions['showAbout']>() };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu “${label}”`);
  return menu.submenu;
}

function item(template: MenuItemConstructorOptions[], menu: string, label: string): MenuItemConstructorOptions {
  const found = submenu(template, menu).find((entry) => entry.label === label);
  if (!found) throw new Error(`no item “${label}” in “${menu}”`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

beforeEach(() => resetElectronFake());

describe('the application menu', () => {
  it('has the top-level menus in Vietnamese, in order', () => {
    expect(buildMenuTemplate(windowsOrLinux, actions()).map((menu) => menu.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
  });

  it.each<[string, string, string, string | undefined]>([
    ['Tệp', 'Bài mới', 'CmdOrCtrl+N', undefined],
    ['Tệp', 'Nhập bài…', 'CmdOrCtrl+O', undefined],
    ['Tệp', 'Lưu phiên bản', 'CmdOrCtrl+S', undefined],
    ['Tệp', 'Cài đặt…', 'CmdOrCtrl+,', undefined],
    ['Tệp', 'Thoát', 'Ctrl+Q', 'quit'],
    ['Sửa', 'Hoàn tác', 'CmdOrCtrl+Z', 'undo'],
    ['Sửa', 'Làm lại', 'Ctrl+Y', 'redo'],
    ['Sửa', 'Cắt', 'CmdOrCtrl+X', 'cut'],
    ['Sửa', 'Sao chép', 'CmdOrCtrl+C', 'copy'],
    ['Sửa', 'Dán', 'CmdOrCtrl+V', 'paste'],
    ['Sửa', 'Chọn tất cả', 'CmdOrCtrl+A', 'selectAll'],
    ['Xem', 'Phóng to', 'CmdOrCtrl+=', 'zoomIn'],
    ['Xem', 'Thu nhỏ', 'CmdOrCtrl+-', 'zoomOut'],
    ['Xem', 'Cỡ mặc định', 'CmdOrCtrl+0', 'resetZoom'],
    ['Xem', 'Toàn màn hình', 'F11', 'togglefullscreen'],
  ])('%s › %s has %s', (menu, label, accelerator, role) => {
    const entry = item(buildMenuTemplate(windowsOrLinux, actions()), menu, label);
    expect(entry.accelerator).toBe(accelerator);
    expect(entry.role).toBe(role);
  });

  it.each([
    ['Bài mới', 'new-story'],
    ['Nhập bài…', 'import'],
    ['Lưu phiên bản', 'save-revision'],
    ['Cài đặt…', 'settings'],
  ])('%s sends the command %s to the renderer', (label, command) => {
    const menuActions = actions();
    click(item(buildMenuTemplate(windowsOrLinux, menuActions), 'Tệp', label));
    expect(menuActions.send).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('shows the about box from Trợ giúp', () => {
    const menuActions = actions();
    click(item(buildMenuTemplate(windowsOrLinux, menuActions), 'Trợ giúp', 'Giới thiệu Newsdesk'));
    expect(menuActions.showAbout).toHaveBeenCalledOnce();
  });

  it('offers Tải lại and the developer tools only while developing', () => {
    const labels = (isDev: boolean) =>
      submenu(buildMenuTemplate({ ...windowsOrLinux, isDev }, actions()), 'Xem').map((entry) => entry.label);
    expect(labels(false)).not.toContain('Tải lại');
    expect(labels(false)).not.toContain('Công cụ phát triển');
    expect(labels(true)).toContain('Tải lại');
    expect(item(buildMenuTemplate({ ...windowsOrLinux, isDev: true }, actions()), 'Xem', 'Tải lại')).toMatchObject({
      role: 'reload',
      accelerator: 'CmdOrCtrl+R',
    });
  });

  it('follows macOS habits on a Mac', () => {
    const template = buildMenuTemplate({ ...windowsOrLinux, isMac: true }, actions());
    expect(template.map((menu) => menu.label)).toEqual(['Newsdesk', 'Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    expect(submenu(template, 'Tệp').map((entry) => entry.label)).not.toContain('Thoát');
    expect(submenu(template, 'Tệp').map((entry) => entry.label)).not.toContain('Cài đặt…');
    expect(item(template, 'Newsdesk', 'Cài đặt…').accelerator).toBe('CmdOrCtrl+,');
    expect(item(template, 'Newsdesk', 'Thoát Newsdesk')).toMatchObject({ role: 'quit', accelerator: 'Cmd+Q' });
    expect(item(template, 'Sửa', 'Làm lại').accelerator).toBe('Shift+Cmd+Z');
    expect(item(template, 'Xem', 'Toàn màn hình').accelerator).toBe('Ctrl+Cmd+F');
  });

  it('has no English label anywhere', () => {
    const english = /\b(File|Edit|View|Help|Undo|Redo|Cut|Copy|Paste|Select|Reload|Zoom|Quit|Exit|About|Window)\b/;
    const walk = (items: MenuItemConstructorOptions[]): void => {
      for (const entry of items) {
        if (entry.type === 'separator') continue;
        expect(entry.label, JSON.stringify(entry)).toBeTruthy();
        expect(entry.label).not.toMatch(english);
        if (Array.isArray(entry.submenu)) walk(entry.submenu);
      }
    };
    walk(buildMenuTemplate({ ...windowsOrLinux, isDev: true }, actions()));
    walk(buildMenuTemplate({ ...windowsOrLinux, isMac: true, isDev: true }, actions()));
  });

  it('is installed as the application menu', () => {
    installMenu(windowsOrLinux, actions());
    expect(Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results[0]?.value);
  });
});
