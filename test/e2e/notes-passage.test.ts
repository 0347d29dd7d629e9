// Editorial notes in a real browser. A note on a selected passage: the passage
// is marked in the text, the mark stays on the passage while the writer types
// before and after it, the saved story has no mark in it, and the story opens
// again with the passage marked; a click on the mark brings its thread into
// view. The note thread is kept as a screenshot (test-results/notes-thread.png,
// and the editor beside it: notes-editor.png).
// Then two desks against a real server: the reporter who opens a story the
// editor has taken reads "bientap.lan đang sửa từ HH:MM" (and a read-only
// text), the editor sees the reporter's note with its @mention, and answers it
// with a name suggested after "@".
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { instantToVietnamLocal } from '../../core/workflow';
import { storyContentOf } from '../helpers/db-story-content';
import { pngSize } from '../helpers/e2e/png';
import { eventually, waitForSaveState } from '../helpers/e2e/page';
import { markTexts, selectInBody } from '../helpers/e2e/select';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { useAppSession } from '../helpers/e2e/session';
import { ROOT } from '../helpers/service-web';
import { EDITOR, PASSWORD, REPORTER } from '../helpers/sync-server';

const SCREENSHOT = path.join(ROOT, 'test-results', 'notes-thread.png');
const PAGE_SHOT = path.join(ROOT, 'test-results', 'notes-editor.png');
const HEADLINE = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';
const P1 = 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện Quốc Oai.';
const P2 = 'Năm 2025, Cụm thi đua số 4 đã chăm lo cho 1.250 đoàn viên với tổng kinh phí hơn 600 triệu đồng.';
const PASSAGE = '1.250 đoàn viên';
const NOTE = 'Con số này lấy từ báo cáo nào? Nhờ @bientap.lan kiểm tra giúp.';

const session = useAppSession();
const content = () => storyContentOf({ headline: HEADLINE, sapo: 'Sapo của bài khảo sát.', paragraphs: [P1, P2], section: 'Công đoàn', byline: 'H.Phong' });


describe('a note on a passage', () => {
  test('marks the passage, keeps the mark on it while text is typed around it, and saves a body without marks', async () => {
    const app = await session.startApp();
    const story = await app.rpc('stories.create', { content: content() });
    const tab = await session.openPage(app, { hash: `#/story/${story.id}` });
    const { page } = tab;
    await page.getByTestId('notes-panel').waitFor();
    await expect.poll(() => page.getByTestId('notes-panel').textContent()).toContain('Chưa có ghi chú nào cho bài này.');

    await selectInBody(page, PASSAGE);
    await page.getByTestId('note-on-selection').click();
    await page.getByTestId('note-draft').waitFor();
    expect(await markTexts(page)).toEqual([PASSAGE]);
    await page.getByTestId('note-passage').fill(NOTE);
    await page.getByTestId('note-passage-send').click();
    const thread = page.getByTestId('note-thread');
    await thread.waitFor();
    expect(await thread.locator('.nd-note-passage q').textContent()).toBe(PASSAGE);
    expect(await thread.locator('.nd-mention').allTextContents()).toEqual(['@bientap.lan']);
    await page.getByTestId('note-draft').waitFor({ state: 'detached' });

    // Type at the start of the passage's paragraph, right after the passage, and at the paragraph's end.
    const paragraph = page.getByTestId('editor-body').locator('p', { hasText: 'Năm 2025' });
    await selectInBody(page, 'Năm 2025');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('Theo báo cáo, ');
    await selectInBody(page, ' với tổng kinh phí');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(' công nhân');
    await selectInBody(page, 'triệu đồng.');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' (số liệu LĐLĐ huyện)');
    const edited = `Theo báo cáo, Năm 2025, Cụm thi đua số 4 đã chăm lo cho 1.250 đoàn viên công nhân với tổng kinh phí hơn 600 triệu đồng. (số liệu LĐLĐ huyện)`;
    await expect.poll(() => paragraph.textContent()).toBe(edited);
    expect(await markTexts(page)).toEqual([PASSAGE]);
    await waitForSaveState(page);

    // What was saved is the text, with no mark in it.
    const saved = await app.rpc('stories.get', { id: story.id });
    expect(JSON.stringify(saved.body)).not.toContain('"mark"');
    expect(JSON.stringify(saved.body)).toContain('(số liệu LĐLĐ huyện)');

    // Opened again, the passage is marked where it now is; a click on it brings its thread into view.
    await page.reload();
    await page.getByTestId('note-thread').waitFor();
    await expect.poll(() => markTexts(page)).toEqual([PASSAGE]);
    await page.locator('[data-testid="editor-body"] mark[data-note-ids]').click();
    await expect.poll(() => page.getByTestId('note-thread').getAttribute('class')).toContain('is-active');
    expect(await page.locator('[data-testid="editor-body"] mark.is-active').textContent()).toBe(PASSAGE);

    // From the keyboard: Ctrl+Alt+M starts a note on the selection; Escape gives it up and takes its mark away.
    await selectInBody(page, 'Đàm Công Lợi');
    await page.keyboard.press('Control+Alt+M');
    await page.getByTestId('note-draft').waitFor();
    expect(await page.locator('[data-testid="note-draft"] q').textContent()).toBe('Đàm Công Lợi');
    await expect.poll(() => markTexts(page)).toEqual(['Đàm Công Lợi', PASSAGE]);
    await page.keyboard.press('Escape');
    await page.getByTestId('note-draft').waitFor({ state: 'detached' });
    expect(await markTexts(page)).toEqual([PASSAGE]);

    // A reply in the thread, then the thread kept as a picture.
    await page.getByTestId('note-reply-open').click();
    await page.getByTestId('note-reply').fill('Số liệu từ báo cáo tổng kết năm của LĐLĐ huyện Quốc Oai.');
    await page.getByTestId('note-reply-send').click();
    await expect.poll(() => page.locator('[data-testid="note-thread"] [data-testid="note"]').count()).toBe(2);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.getByTestId('notes-panel').screenshot({ path: SCREENSHOT });
    const shot = pngSize(readFileSync(SCREENSHOT));
    expect(shot?.width).toBeGreaterThan(200);
    expect(shot?.height).toBeGreaterThan(150);
    // And the editor with the marked passage beside its thread.
    await page.screenshot({ path: PAGE_SHOT });
    expect(pngSize(readFileSync(PAGE_SHOT))).toEqual({ width: 1280, height: 860 });
    expect(tab.errors).toEqual([]);
  });
});

describe('two desks on one story', () => {
  const server = useDeskServer();

  test('the reporter reads who is editing the story they submitted; the editor sees their note and mention, and answers with a suggested name', async () => {
    const reporterApp = await session.startApp();
    const editorApp = await session.startApp();
    await reporterApp.rpc('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    await editorApp.rpc('sync.signIn', { serverUrl: server.url, username: EDITOR.username, password: PASSWORD });
    const story = await reporterApp.rpc('stories.create', { content: content() });
    await reporterApp.rpc('notes.add', { storyId: story.id, body: NOTE, passage: PASSAGE, blockId: null });
    await reporterApp.rpc('workflow.transition', { storyId: story.id, op: { action: 'submit' } });
    await eventually(async () => ((await reporterApp.rpc('sync.now', {})).pending === 0 ? true : undefined), 'the reporter’s push', 30_000);
    await eventually(async () => {
      await editorApp.rpc('sync.now', {});
      return (await editorApp.rpc('stories.list', {})).items.some((s) => s.id === story.id) ? true : undefined;
    }, 'the story on the editor’s desk', 30_000);
    // The editor takes the story: it is theirs to edit, and the reporter's copy is read-only.
    await editorApp.rpc('workflow.transition', { storyId: story.id, op: { action: 'take' } });
    await eventually(async () => ((await editorApp.rpc('sync.now', {})).pending === 0 ? true : undefined), 'the take', 30_000);
    await eventually(async () => {
      await reporterApp.rpc('sync.now', {});
      return (await reporterApp.rpc('workflow.view', { storyId: story.id })).workflow.status === 'editing' ? true : undefined;
    }, 'the take on the reporter’s desk', 30_000);

    const before = instantToVietnamLocal(new Date().toISOString()).time;
    const editor = await session.openPage(editorApp, { hash: `#/story/${story.id}` });
    await editor.page.getByTestId('notes-panel').waitFor();
    expect(await editor.page.getByTestId('editor-body').getAttribute('contenteditable')).toBe('true');
    // The editor's desk has said it is editing: the reporter who opens the story is told, and reads it read-only.
    await eventually(async () => {
      const { present } = await reporterApp.rpc('presence.list', { storyId: story.id });
      return present.some((p) => p.username === EDITOR.username) ? true : undefined;
    }, 'the editor’s heartbeat on the server');
    const reporter = await session.openPage(reporterApp, { hash: `#/story/${story.id}` });
    const notice = reporter.page.getByTestId('presence-notice');
    await notice.waitFor();
    const since = await eventually(async () => {
      const text = await notice.textContent();
      return text?.startsWith('bientap.lan đang sửa từ ') ? text : undefined;
    }, 'the presence notice');
    // Hanoi time, between the editor opening the story and now.
    expect(since).toMatch(/^bientap\.lan đang sửa từ \d{2}:\d{2}$/);
    const after = instantToVietnamLocal(new Date().toISOString()).time;
    expect([before, after]).toContain(since.slice(-5));
    expect(await reporter.page.getByTestId('editor-body').getAttribute('contenteditable')).toBe('false');
    // Reading is not editing: the editor is not told that the reporter edits it.
    const { present } = await editorApp.rpc('presence.list', { storyId: story.id });
    expect(present.map((p) => p.username)).toEqual([]);

    // The reporter's note, with its passage marked in the editor's copy of the text.
    const thread = editor.page.getByTestId('note-thread');
    await thread.waitFor();
    expect(await thread.locator('.nd-mention').allTextContents()).toEqual(['@bientap.lan']);
    await expect.poll(() => markTexts(editor.page)).toEqual([PASSAGE]);

    // An answer that names the reporter, chosen from the suggestions after "@hp".
    await editor.page.getByTestId('note-reply-open').click();
    const reply = editor.page.getByTestId('note-reply');
    await reply.click();
    await editor.page.keyboard.type('Đã kiểm tra, đúng số liệu. Cảm ơn @hp');
    const suggestions = editor.page.getByTestId('mention-suggestions');
    await suggestions.waitFor();
    expect(await suggestions.locator('[role="option"]').allTextContents()).toEqual(['hphong @hphong']);
    await editor.page.keyboard.press('Enter');
    expect(await reply.inputValue()).toBe('Đã kiểm tra, đúng số liệu. Cảm ơn @hphong ');
    await editor.page.getByTestId('note-reply-send').click();
    await expect.poll(() => thread.locator('[data-testid="note"]').count()).toBe(2);

    // It reaches the reporter's desk through the server.
    await eventually(async () => ((await editorApp.rpc('sync.now', {})).pending === 0 ? true : undefined), 'the editor’s push', 30_000);
    await eventually(async () => {
      await reporterApp.rpc('sync.now', {});
      return (await reporter.page.locator('[data-testid="note-thread"] [data-testid="note"]').count()) === 2 ? true : undefined;
    }, 'the answer on the reporter’s desk', 30_000);
    expect(await reporter.page.locator('[data-testid="note"][data-state="synced"] .nd-mention').allTextContents()).toEqual(['@bientap.lan', '@hphong']);

    // The text is read-only for the reporter, the notes are not: a note on the whole story reaches the editor.
    const question = 'Em đã bổ sung nguồn trong bản nộp, anh chị xem giúp.';
    await reporter.page.getByTestId('note-new').fill(question);
    await reporter.page.getByTestId('note-new-send').click();
    await eventually(async () => ((await reporterApp.rpc('sync.now', {})).pending === 0 ? true : undefined), 'the reporter’s note', 30_000);
    await eventually(async () => {
      await editorApp.rpc('sync.now', {});
      return (await editor.page.getByTestId('notes-panel').textContent())?.includes(question) ? true : undefined;
    }, 'the reporter’s note on the editor’s desk', 30_000);
    expect(await reporter.page.getByTestId('editor-body').getAttribute('contenteditable')).toBe('false');
    expect(reporter.errors).toEqual([]);
    expect(editor.errors).toEqual([]);
  });
});
