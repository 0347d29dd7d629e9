import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { z } from 'zod';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 640, height: 480 } as const;

// Screen coordinates are 16-bit in every windowing system we ship to.
const coordinate = z.number().int().min(-32768).max(32767);
const boundsSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: z.number().int().min(MIN_WINDOW_SIZE.width).max(32767),
  height: z.number().int().min(MIN_WINDOW_SIZE.height).max(32767),
});

export const windowStateSchema = z.object({
  bounds: boundsSchema,
  isMaximized: z.boolean(),
});

export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The saved state, or undefined when the file is missing, unreadable or not what we wrote. */
export function readWindowState(file: string): WindowState | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = windowStateSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** Written to a temporary file and renamed, so a crash never leaves half a JSON file. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(windowStateSchema.parse(state)));
  renameSync(temporary, file);
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function centredIn(area: Rectangle, size: { width: number; height: number }): Rectangle {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where the window opens: the saved bounds moved and shrunk to lie wholly on the
 * display they mostly cover, or centred on the primary display when they cover
 * none (a monitor was unplugged since).
 */
export function placeWindow(
  saved: WindowState | undefined,
  workAreas: readonly Rectangle[],
  primaryWorkArea: Rectangle,
): WindowState {
  if (saved === undefined) return { bounds: centredIn(primaryWorkArea, DEFAULT_WINDOW_SIZE), isMaximized: false };
  let best: Rectangle | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved.bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === undefined) return { bounds: centredIn(primaryWorkArea, saved.bounds), isMaximized: saved.isMaximized };
  const width = Math.min(saved.bounds.width, best.width);
  const height = Math.min(saved.bounds.height, best.height);
  return {
    bounds: {
      x: clamp(saved.bounds.x, best.x, best.x + best.width - width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - height),
      width,
      height,
    },
    isMaximized: saved.isMaximized,
  };
}

/** Saves the normal (unmaximized) bounds when the window closes. */
export function rememberWindowState(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    const state = windowStateSchema.safeParse({ bounds: window.getNormalBounds(), isMaximized: window.isMaximized() });
    if (!state.success) return;
    try {
      writeWindowState(file, state.data);
    } catch (error) {
      // Losing the window position is not worth failing the quit over.
      console.warn('Newsdesk: could not save the window state', error);
    }
  });
}
