// The editor in Chromium against start:web, as a writer feels it:
// - keystroke-to-paint latency while typing 300 characters at the end and 300
//   in the middle of a 10,000-word story, with autosave and spellcheck on;
// - the time to open that story;
// - the time to the first rows of the list over 100,000 stories.
// Writes bench/results/editor.json.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { nodes, plainTextOfBody, type BlockNode, type StoryContent } from '../../core/story';
import { countWords } from '../../core/text';
import { openStoreDatabase } from '../../db';
import { importStories } from '../helpers/db-import';
import { STORE_FILE_NAME } from '../../service/data-dir';
import { startApp, type TestApp } from '../helpers/e2e/app';
import { launchChromium } from '../helpers/e2e/chromium';
import { newAppContext } from '../helpers/e2e/page';
import { buildRenderer } from '../helpers/e2e/renderer-build';
import { sampleLines, syntheticMarker } from '../helpers/db-story-content';
import { percentile, round, writeResult } from './stats';

const STORY_WORDS = Number(process.env.BENCH_STORY_WORDS ?? 10_000);
const TYPED_CHARS = 300;
const LIST_STORIES = Number(process.env.BENCH_LIST_STORIES ?? 100_000);
const OPEN_RUNS = 7;
const LIST_RUNS = 7;
/** A typist's rhythm: a short gap between keys, and now and then a pause long enough for autosave (800 ms) and the spellchecker to run. */
const KEY_GAP_MS = 40;
const PAUSE_EVERY = 50;
const PAUSE_MS = 900;

const TARGETS = { keystrokeP95Ms: 16, openMs: 300, listFirstRowsMs: 200 };
const LAST_PARAGRAPH = 'Đoạn kết của bài dài: Công đoàn quận tiếp tục đổi mới, hoạt động hiệu quả vì người lao động.';

interface Summary {
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

function summary(samples: readonly number[]): Summary {
  return {
    runs: samples.length,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    maxMs: round(Math.max(...samples)),
  };
}

/** A story of about 10,000 words (syllables) from the sample paragraphs, with a subheading every few paragraphs. */
function longStory(): StoryContent {
  const { paragraphs, headlines } = sampleLines();
  const blocks: BlockNode[] = [];
  let words = countWords(LAST_PARAGRAPH);
  for (let i = 0; words < STORY_WORDS; i++) {
    if (i % 8 === 7) blocks.push(nodes.heading('h2', nodes.inlineFromText(headlines[i % headlines.length] as string)));
    const text = paragraphs[i % paragraphs.length] as string;
    blocks.push(nodes.paragraph(nodes.inlineFromText(text)));
    words += countWords(text);
  }
  blocks.push(nodes.paragraph(nodes.inlineFromText(LAST_PARAGRAPH)));
  return {
    headline: 'Bài dài 10.000 chữ để đo độ trễ khi gõ',
    sapo: paragraphs[0] ?? '',
    byline: 'H.Phong',
    section: 'Công đoàn',
    tags: [],
    slug: '',
    related: [],
    body: nodes.bodyOf(blocks),
  };
}

/** 300 characters of real Vietnamese to type, from the sample text. */
function typedText(): string {
  const { paragraphs } = sampleLines();
  return ` ${paragraphs.join(' ')}`.slice(0, TYPED_CHARS);
}

// ---- in the page -------------------------------------------------------------

interface LatencyProbe {
  /** Milliseconds from the keydown listener (or beforeinput, for keys a US keyboard lacks) to the frame after the DOM changed. */
  samples: number[];
  /** The same, measured from the event's own timestamp (includes time queued before the listener ran). */
  fromEventTime: number[];
  /** From the listener to the first task after the key's own (its handlers, Lexical's update and reconciliation): the app's work, without waiting for the frame. */
  busy: number[];
  fromKeydown: number;
  fromBeforeInput: number;
  dropped: number;
  waitFor(count: number): Promise<boolean>;
}

type ProbeWindow = Window & { keyProbe?: LatencyProbe; autosaves?: number[] };

/** Installs the keystroke probe on the editor body: capture-phase listeners, a MutationObserver, then rAF + MessageChannel for the paint. */
function installProbe(): void {
  const w = window as ProbeWindow;
  const root = document.querySelector('[data-testid="editor-body"]');
  if (root === null) throw new Error('no editor body');
  let pending: { start: number; eventTime: number; mutated: boolean } | null = null;
  let waiting: { count: number; resolve: (ok: boolean) => void } | null = null;
  const probe: LatencyProbe = {
    samples: [],
    fromEventTime: [],
    busy: [],
    fromKeydown: 0,
    fromBeforeInput: 0,
    dropped: 0,
    waitFor(count) {
      if (probe.samples.length >= count) return Promise.resolve(true);
      return new Promise((resolve) => {
        waiting = { count, resolve };
        setTimeout(() => {
          if (waiting?.count === count) {
            waiting = null;
            resolve(false);
          }
        }, 2_000);
      });
    },
  };
  const afterTask = new MessageChannel();
  let taskStart = 0;
  afterTask.port1.onmessage = () => probe.busy.push(performance.now() - taskStart);
  const begin = (event: Event, kind: 'keydown' | 'beforeinput'): void => {
    const now = performance.now();
    if (pending !== null && now - pending.start < 1_000) return;
    if (pending !== null) probe.dropped++;
    pending = { start: now, eventTime: event.timeStamp, mutated: false };
    taskStart = now;
    afterTask.port2.postMessage(null);
    if (kind === 'keydown') probe.fromKeydown++;
    else probe.fromBeforeInput++;
  };
  window.addEventListener('keydown', (event) => begin(event, 'keydown'), true);
  window.addEventListener('beforeinput', (event) => begin(event, 'beforeinput'), true);
  const channel = new MessageChannel();
  let painted: (() => void) | null = null;
  channel.port1.onmessage = () => painted?.();
  new MutationObserver(() => {
    const key = pending;
    if (key === null || key.mutated) return;
    key.mutated = true;
    requestAnimationFrame(() => {
      painted = () => {
        const end = performance.now();
        probe.samples.push(end - key.start);
        probe.fromEventTime.push(end - key.eventTime);
        if (pending === key) pending = null;
        if (waiting !== null && probe.samples.length >= waiting.count) {
          waiting.resolve(true);
          waiting = null;
        }
      };
      channel.port2.postMessage(null);
    });
  }).observe(root, { subtree: true, childList: true, characterData: true });
  w.keyProbe = probe;
}

/** Counts autosave requests, to show that autosave ran while typing. */
function countAutosaves(): void {
  const w = window as ProbeWindow;
  w.autosaves = [];
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const started = performance.now();
    const response = await original(input, init);
    if (String(input instanceof Request ? input.url : input).includes('/rpc/stories.autosave')) w.autosaves?.push(performance.now() - started);
    return response;
  };
}

/** Resolves with ms from now until the editor body's last block holds the marker and a frame has been painted. */
function openAndWait({ storyId, marker }: { storyId: string; marker: string }): Promise<number> {
  const row = document.querySelector(`[data-story-id="${storyId}"]`)?.closest<HTMLElement>('[data-testid="story-row"]');
  if (!row) return Promise.reject(new Error(`no row for ${storyId}`));
  return new Promise((resolve) => {
    const start = performance.now();
    const shown = (): boolean => document.querySelector('[data-testid="editor-body"]')?.lastElementChild?.textContent?.includes(marker) === true;
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    row.click();
  });
}

/** From the start of a page load: records when the editor body's last block first holds the marker, and a frame has been painted. */
function watchForLastParagraph(marker: string): void {
  const w = window as ProbeWindow & { lastParagraphAt?: number };
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="editor-body"]')?.lastElementChild?.textContent?.includes(marker) !== true) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        w.lastParagraphAt = performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, childList: true, characterData: true }));
}

/** Puts the caret in the middle of the story's middle paragraph (at a space), scrolled into view. */
function caretToMiddle(): string {
  const root = document.querySelector<HTMLElement>('[data-testid="editor-body"]');
  if (root === null) throw new Error('no editor body');
  const paragraphs = Array.from(root.querySelectorAll(':scope > p'));
  const middle = paragraphs[Math.floor(paragraphs.length / 2)];
  const text = middle?.querySelector('[data-lexical-text]')?.firstChild;
  if (!middle || !text || text.nodeType !== Node.TEXT_NODE) throw new Error('no text in the middle paragraph');
  middle.scrollIntoView({ block: 'center' });
  const content = text.textContent ?? '';
  const offset = Math.max(0, content.indexOf(' ', Math.floor(content.length / 2)));
  root.focus();
  window.getSelection()?.collapse(text, offset);
  return content.slice(0, offset);
}

// ---- in Node -------------------------------------------------------------------

interface Typed {
  samples: number[];
  fromEventTime: number[];
  busy: number[];
  fromKeydown: number;
  fromBeforeInput: number;
  dropped: number;
  autosaves: number;
}

async function typeMeasured(page: Page, text: string): Promise<Typed> {
  await page.evaluate(installProbe);
  await page.evaluate(() => ((window as ProbeWindow).autosaves ?? []).splice(0));
  let count = 0;
  for (const char of text) {
    await page.keyboard.type(char);
    count++;
    const ok = await page.evaluate((n) => (window as ProbeWindow).keyProbe?.waitFor(n) ?? false, count);
    if (!ok) throw new Error(`no paint recorded for key ${count} (${JSON.stringify(char)})`);
    await new Promise((resolve) => setTimeout(resolve, count % PAUSE_EVERY === 0 ? PAUSE_MS : KEY_GAP_MS));
  }
  return page.evaluate(() => {
    const w = window as ProbeWindow;
    const probe = w.keyProbe;
    if (!probe) throw new Error('probe missing');
    return {
      samples: probe.samples,
      fromEventTime: probe.fromEventTime,
      busy: probe.busy,
      fromKeydown: probe.fromKeydown,
      fromBeforeInput: probe.fromBeforeInput,
      dropped: probe.dropped,
      autosaves: w.autosaves?.length ?? 0,
    };
  });
}

/** The phase's figures, and its slowest keys by position (a pause for autosave comes before keys 51, 101, …). */
function typingResult(typed: Typed) {
  const slowest = typed.samples
    .map((ms, index) => ({ key: index + 1, ms: round(ms, 1) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
  return {
    ...summary(typed.samples),
    fromEventTimeP95Ms: round(percentile(typed.fromEventTime, 95)),
    busy: summary(typed.busy),
    autosaves: typed.autosaves,
    slowest,
  };
}

async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') === 'saved', undefined, { timeout: 30_000 });
}

async function benchLongStory(browser: Browser, rendererDir: string) {
  const app = await startApp(rendererDir);
  const context = await newAppContext(browser);
  try {
    const content = longStory();
    const words = countWords(plainTextOfBody(content.body));
    const long = await app.rpc('stories.create', { content });
    const short = await app.rpc('stories.create', { content: { headline: 'Tin ngắn', body: nodes.bodyOf([nodes.paragraph(nodes.inlineFromText('Một đoạn.'))]) } });

    const page = await context.newPage();
    await page.addInitScript(countAutosaves);
    await page.goto(app.url);
    await page.locator(`[data-story-id="${long.id}"]`).waitFor();
    // The app fetches the editor's code once the list has painted and the page is idle
    // (a person takes longer than that to pick a story); the first open comes after it.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('StoryEditor')));
    await page.waitForTimeout(200);

    // Opening: the first open also mounts the editor for the first time; then back and forth with a short story.
    const open = async (storyId: string, marker: string) => page.evaluate(openAndWait, { storyId, marker });
    const coldOpen = await open(long.id, LAST_PARAGRAPH);
    const warmOpens: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) {
      await open(short.id, 'Một đoạn.');
      warmOpens.push(await open(long.id, LAST_PARAGRAPH));
    }
    // Loading the page on the story's address (#/story/<id>): from navigation start.
    await page.addInitScript(watchForLastParagraph, LAST_PARAGRAPH);
    const reloads: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.waitForFunction(() => (window as Window & { lastParagraphAt?: number }).lastParagraphAt !== undefined, undefined, { timeout: 30_000 });
      reloads.push(await page.evaluate(() => (window as Window & { lastParagraphAt?: number }).lastParagraphAt ?? Number.NaN));
    }
    await waitSaved(page);

    const text = typedText();
    const body = page.getByTestId('editor-body');
    await body.focus();
    await page.keyboard.press('Control+End');
    const atEnd = await typeMeasured(page, text);
    await waitSaved(page);
    const endOk = await page.evaluate((typed) => document.querySelector('[data-testid="editor-body"]')?.lastElementChild?.textContent?.endsWith(typed.trimEnd()) === true, text);
    if (!endOk) throw new Error('the characters typed at the end did not land at the end of the story');

    const before = await page.evaluate(caretToMiddle);
    await page.waitForTimeout(200);
    const inMiddle = await typeMeasured(page, text);
    await waitSaved(page);
    const middleOk = await page.evaluate((typed) => document.querySelector('[data-testid="editor-body"]')?.textContent?.includes(typed) === true, before + text);
    if (!middleOk) throw new Error('the characters typed in the middle did not land in the middle paragraph');
    const stored = await app.rpc('stories.get', { id: long.id });
    if (!plainTextOfBody(stored.body).includes(before + text)) throw new Error('the typed text did not reach the store');

    const all = [...atEnd.samples, ...inMiddle.samples];
    return {
      story: { words, blocks: content.body.root.children.length },
      open: {
        coldMs: round(coldOpen),
        warm: summary(warmOpens),
        pageLoadOnStoryUrl: summary(reloads),
        what: 'from clicking the story row to the frame after the last paragraph appears in the editor; cold is the first open, once the idle page has fetched the editor code',
      },
      keystroke: {
        chars: all.length,
        end: typingResult(atEnd),
        middle: typingResult(inMiddle),
        all: summary(all),
        busyAll: summary([...atEnd.busy, ...inMiddle.busy]),
        startedAt: { keydown: atEnd.fromKeydown + inMiddle.fromKeydown, beforeinput: atEnd.fromBeforeInput + inMiddle.fromBeforeInput },
        dropped: atEnd.dropped + inMiddle.dropped,
        rhythm: `${KEY_GAP_MS} ms between keys, a ${PAUSE_MS} ms pause every ${PAUSE_EVERY} keys (autosave after 800 ms, spellcheck repaint after 350 ms)`,
        what: 'performance.now() in a capture-phase keydown listener (beforeinput for characters a US keyboard lacks, which Playwright inserts without keydown) to the MessageChannel task after the requestAnimationFrame that follows the first DOM mutation',
      },
    };
  } finally {
    await context.close();
    await app.stop();
  }
}

/** Seeds a store with `count` short stories in one transaction, before start:web opens it. */
function seedStore(dataDir: string, count: number): { seconds: number } {
  const { paragraphs, headlines } = sampleLines();
  const started = performance.now();
  const db = openStoreDatabase(path.join(dataDir, STORE_FILE_NAME));
  db.pragma('synchronous = OFF');
  function* stories(): Generator<StoryContent> {
    for (let n = 0; n < count; n++) {
      const paragraph = paragraphs[n % paragraphs.length] as string;
      yield {
        headline: `${headlines[n % headlines.length]} – ${syntheticMarker(n)}`,
        sapo: paragraph.slice(0, 160),
        byline: n % 2 === 0 ? 'H.Phong' : 'Mạnh Quân',
        section: ['Công đoàn', 'Lao động', 'Xã hội'][n % 3] as string,
        tags: [],
        slug: '',
        related: [],
        body: nodes.bodyOf([nodes.paragraph(nodes.inlineFromText(paragraph))]),
      };
    }
  }
  db.transaction(() => importStories(db, stories(), { author: 'bench' }))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { seconds: round((performance.now() - started) / 1000, 1) };
}

async function benchBigList(browser: Browser, rendererDir: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-list-'));
  let app: TestApp | null = null;
  const context = await newAppContext(browser);
  try {
    const seeded = seedStore(dataDir, LIST_STORIES);
    app = await startApp(rendererDir, { dataDir });
    const firstPage = await app.rpc('stories.list', { limit: 100 });
    if (firstPage.items.length !== 100 || firstPage.nextCursor === null) throw new Error('the seeded store does not list 100+ stories');

    const page = await context.newPage();
    const firstRows = async (): Promise<number> => {
      await page.waitForFunction(() => performance.getEntriesByName('newsdesk:list-first-rows').length > 0, undefined, { polling: 'raf', timeout: 30_000 });
      return page.evaluate(() => performance.getEntriesByName('newsdesk:list-first-rows')[0]?.startTime ?? Number.NaN);
    };
    await page.goto(app.url);
    const cold = await firstRows();
    const rows = await page.getByTestId('story-row').count();
    const warm: number[] = [];
    for (let i = 0; i < LIST_RUNS; i++) {
      await page.reload();
      warm.push(await firstRows());
    }
    return {
      stories: LIST_STORIES,
      seedSeconds: seeded.seconds,
      rowsRendered: rows,
      coldMs: round(cold),
      warm: summary(warm),
      what: "performance mark 'newsdesk:list-first-rows' (set when the first rows have rendered), measured from navigation start; cold is the first load in a fresh browser context",
    };
  } finally {
    await context.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchEditor(): Promise<object> {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-renderer-'));
  let browser: Browser | null = null;
  try {
    await buildRenderer(rendererDir);
    browser = await launchChromium();
    const longStoryResult = await benchLongStory(browser, rendererDir);
    const list = await benchBigList(browser, rendererDir);
    const result = {
      browser: `Chromium ${browser.version()}`,
      // Other work on the machine skews every figure here; this says how busy it was.
      loadAverageAtEnd: os.loadavg().map((load) => round(load, 2)),
      ...longStoryResult,
      list,
      targets: TARGETS,
      meetsTargets: {
        keystrokeP95: longStoryResult.keystroke.all.p95Ms <= TARGETS.keystrokeP95Ms,
        open: longStoryResult.open.warm.p50Ms <= TARGETS.openMs,
        openCold: longStoryResult.open.coldMs <= TARGETS.openMs,
        list: list.warm.p50Ms <= TARGETS.listFirstRowsMs,
        listCold: list.coldMs <= TARGETS.listFirstRowsMs,
      },
    };
    writeResult('editor', result);
    return result;
  } finally {
    await browser?.close();
    rmSync(rendererDir, { recursive: true, force: true });
  }
}
