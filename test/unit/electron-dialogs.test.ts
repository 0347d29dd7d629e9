import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDialogHandlers, MAX_DIALOG_FILE_BYTES, type DialogHandlers } from '../../electron/dialogs';
import { dialog, FakeBrowserWindow, resetElectronFake } from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

const SAMPLES = path.resolve(__dirname, '../../../shared/samples/articles');
const SAMPLE_FILES = ['cum-thi-dua-so-4-cham-lo-doan-vien.txt', 'ldld-hai-ba-trung-doi-moi.txt'].map((name) => path.join(SAMPLES, name));

let dir: string;
let window: FakeBrowserWindow;
let handlers: DialogHandlers;

beforeEach(() => {
  resetElectronFake();
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-dialogs-'));
  window = new FakeBrowserWindow({});
  handlers = createDialogHandlers({ getWindow: () => window as unknown as Electron.BrowserWindow, defaultDirectory: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('dialog.openFiles', () => {
  it('returns the chosen files with their bytes, for import', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: SAMPLE_FILES });
    const result = (await handlers['dialog.openFiles']({ kind: 'import' })) as { files: Array<{ name: string; path: string; bytes: string }> };
    expect(result.files.map((file) => file.name)).toEqual(['cum-thi-dua-so-4-cham-lo-doan-vien.txt', 'ldld-hai-ba-trung-doi-moi.txt']);
    expect(result.files.map((file) => file.path)).toEqual(SAMPLE_FILES);
    expect(Buffer.from(result.files[1]?.bytes ?? '', 'base64').toString('utf8')).toMatch(/^LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới/);
    expect(Buffer.from(result.files[0]?.bytes ?? '', 'base64').equals(readFileSync(SAMPLE_FILES[0] ?? ''))).toBe(true);

    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(parent).toBe(window);
    expect(options.title).toBe('Nhập bài');
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect(options.filters).toEqual([{ name: 'Bài viết (.txt, .docx)', extensions: ['txt', 'docx'] }]);
  });

  it('defaults to import when called without arguments, and offers images on request', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await handlers['dialog.openFiles'](undefined);
    await handlers['dialog.openFiles']({ kind: 'image', multiple: false });
    const optionsOf = (call: number) => (dialog.showOpenDialog.mock.calls[call] as [unknown, Electron.OpenDialogOptions])[1];
    expect(optionsOf(0).filters?.[0]?.extensions).toEqual(['txt', 'docx']);
    expect(optionsOf(1)).toMatchObject({ title: 'Chèn ảnh', properties: ['openFile'] });
    expect(optionsOf(1).filters?.[0]?.extensions).toContain('png');
  });

  it('returns no files when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handlers['dialog.openFiles']({})).toEqual({ files: [] });
  });

  it('refuses a file larger than the limit, in Vietnamese', async () => {
    const big = path.join(dir, 'phong-su-anh.docx');
    writeFileSync(big, '');
    truncateSync(big, MAX_DIALOG_FILE_BYTES + 1); // sparse: no 50 MB written
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [big] });
    await expect(handlers['dialog.openFiles']({})).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'Tệp “phong-su-anh.docx” lớn hơn 50 MB, không mở được.',
    });
  });

  it('refuses a folder and a file that vanished', async () => {
    mkdirSync(path.join(dir, 'thu-muc.txt'));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(dir, 'thu-muc.txt')] });
    await expect(handlers['dialog.openFiles']({})).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(dir, 'da-xoa.txt')] });
    await expect(handlers['dialog.openFiles']({})).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it.each([{ kind: 'executable' }, { kind: 'import', path: '/etc/passwd' }, 'import', 7])('rejects the arguments %j', async (args) => {
    await expect(handlers['dialog.openFiles'](args)).rejects.toMatchObject({ code: 'INVALID_ARGS' });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('dialog.saveFile', () => {
  it('writes the data where the user chose', async () => {
    const target = path.join(dir, 'ldld-hai-ba-trung.html');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const html = '<h1>LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới</h1>';
    expect(await handlers['dialog.saveFile']({ defaultName: 'ldld-hai-ba-trung.html', data: html })).toEqual({ path: target });
    expect(readFileSync(target, 'utf8')).toBe(html);

    const [parent, options] = dialog.showSaveDialog.mock.calls[0] as [unknown, Electron.SaveDialogOptions];
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe(path.join(dir, 'ldld-hai-ba-trung.html'));
    expect(options.filters).toEqual([{ name: 'HTML', extensions: ['html'] }]);
  });

  it('writes base64 data as bytes', async () => {
    const target = path.join(dir, 'bai.docx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await handlers['dialog.saveFile']({ defaultName: 'bai.docx', data: 'UEsDBA==', encoding: 'base64' });
    expect([...readFileSync(target)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('only suggests a file name: a path in it does not choose the folder', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true });
    await handlers['dialog.saveFile']({ defaultName: '../../.bashrc', data: 'x' });
    await handlers['dialog.saveFile']({ defaultName: '..\\..\\autoexec.bat', data: 'x' });
    const pathOf = (call: number) => (dialog.showSaveDialog.mock.calls[call] as [unknown, Electron.SaveDialogOptions])[1].defaultPath;
    expect(pathOf(0)).toBe(path.join(dir, '.bashrc'));
    expect(pathOf(1)).toBe(path.join(dir, 'autoexec.bat'));
  });

  it('returns a null path when the user cancels, and writes nothing', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await handlers['dialog.saveFile']({ defaultName: 'bai.txt', data: 'x' })).toEqual({ path: null });
  });

  it('reports a file it cannot write, in Vietnamese', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'khong-co', 'bai.txt') });
    await expect(handlers['dialog.saveFile']({ defaultName: 'bai.txt', data: 'x' })).rejects.toMatchObject({
      code: 'FILE_UNWRITABLE',
      message: 'Không ghi được tệp “bai.txt”.',
    });
  });

  it.each([{}, { defaultName: '', data: 'x' }, { defaultName: 'a.txt', data: 5 }, { defaultName: 'a.txt', data: 'x', encoding: 'latin1' }, { defaultName: 'a.txt', data: 'x', path: '/etc/x' }])(
    'rejects the arguments %j',
    async (args) => {
      await expect(handlers['dialog.saveFile'](args)).rejects.toMatchObject({ code: 'INVALID_ARGS' });
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    },
  );
});
