import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { z } from 'zod';
import { ShellError } from './shell-error';

// Handlers the shell answers itself: only the main process may show OS dialogs.
export const DIALOG_HANDLER_NAMES = ['dialog.openFiles', 'dialog.saveFile'] as const;
export type DialogHandlerName = (typeof DIALOG_HANDLER_NAMES)[number];
export type DialogHandlers = Readonly<Record<DialogHandlerName, (args: unknown) => Promise<unknown>>>;

/** Large enough for a .docx full of photos; small enough to send over IPC in one piece. */
export const MAX_DIALOG_FILE_BYTES = 50 * 1024 * 1024;

const OPEN_FILTERS: Readonly<Record<'import' | 'image', FileFilter[]>> = {
  import: [{ name: 'Bài viết (.txt, .docx)', extensions: ['txt', 'docx'] }],
  image: [{ name: 'Ảnh (.jpg, .png, .gif, .webp)', extensions: ['jpg', 'jpeg', 'png', 'gif', 'webp'] }],
};

const openFilesArgs = z
  .object({ kind: z.enum(['import', 'image']).default('import'), multiple: z.boolean().default(true) })
  .strict()
  .optional();

const saveFileArgs = z
  .object({
    defaultName: z.string().min(1).max(255),
    data: z.string(),
    /** 'base64' for binary files such as .docx; text is written as UTF-8. */
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
  })
  .strict();

/**
 * Bytes travel as base64, like everywhere in core/api's contract, so that the
 * renderer can hand them straight to 'import.preview' or 'media.add'.
 */
export interface OpenedFile {
  readonly name: string;
  readonly path: string;
  readonly bytes: string;
}

function parseArgs<T>(schema: z.ZodType<T>, name: DialogHandlerName, args: unknown): T {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new ShellError('INVALID_ARGS', `Tham số không hợp lệ cho ${name}.`);
  return parsed.data;
}

async function readChosenFile(filePath: string): Promise<OpenedFile> {
  const name = path.basename(filePath);
  let info;
  try {
    info = await stat(filePath);
  } catch {
    throw new ShellError('FILE_UNREADABLE', `Không đọc được tệp “${name}”.`);
  }
  if (!info.isFile()) throw new ShellError('FILE_UNREADABLE', `“${name}” không phải là một tệp.`);
  if (info.size > MAX_DIALOG_FILE_BYTES) {
    throw new ShellError('FILE_TOO_LARGE', `Tệp “${name}” lớn hơn ${MAX_DIALOG_FILE_BYTES / 1024 / 1024} MB, không mở được.`);
  }
  try {
    return { name, path: filePath, bytes: (await readFile(filePath)).toString('base64') };
  } catch {
    throw new ShellError('FILE_UNREADABLE', `Không đọc được tệp “${name}”.`);
  }
}

export interface DialogContext {
  getWindow(): BrowserWindow | undefined;
  /** Where the save dialog starts, e.g. app.getPath('documents'). */
  readonly defaultDirectory: string;
}

function showOpen(window: BrowserWindow | undefined, options: OpenDialogOptions) {
  return window === undefined ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options);
}

function showSave(window: BrowserWindow | undefined, options: SaveDialogOptions) {
  return window === undefined ? dialog.showSaveDialog(options) : dialog.showSaveDialog(window, options);
}

export function createDialogHandlers(context: DialogContext): DialogHandlers {
  return {
    /** `{ kind?: 'import' | 'image', multiple?: boolean }` → `{ files: OpenedFile[] }`, empty when cancelled. */
    'dialog.openFiles': async (args) => {
      const { kind, multiple } = parseArgs(openFilesArgs, 'dialog.openFiles', args) ?? { kind: 'import', multiple: true };
      const result = await showOpen(context.getWindow(), {
        title: kind === 'import' ? 'Nhập bài' : 'Chèn ảnh',
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: OPEN_FILTERS[kind],
      });
      if (result.canceled) return { files: [] };
      return { files: await Promise.all(result.filePaths.map(readChosenFile)) };
    },

    /** `{ defaultName, data, encoding? }` → `{ path }` of the written file, or `{ path: null }` when cancelled. */
    'dialog.saveFile': async (args) => {
      const { defaultName, data, encoding } = parseArgs(saveFileArgs, 'dialog.saveFile', args);
      // The renderer only suggests a name; where the file goes is the user's choice in the dialog.
      const suggested = path.basename(defaultName.replaceAll('\\', '/'));
      const extension = path.extname(suggested).slice(1);
      const result = await showSave(context.getWindow(), {
        title: 'Lưu tệp',
        defaultPath: path.join(context.defaultDirectory, suggested),
        filters: extension === '' ? [] : [{ name: extension.toUpperCase(), extensions: [extension] }],
      });
      if (result.canceled || result.filePath === undefined || result.filePath === '') return { path: null };
      try {
        await writeFile(result.filePath, Buffer.from(data, encoding));
      } catch {
        throw new ShellError('FILE_UNWRITABLE', `Không ghi được tệp “${path.basename(result.filePath)}”.`);
      }
      return { path: result.filePath };
    },
  };
}
