// A writer who never touches the mouse: Ctrl+N for a new story, Tab and Enter
// from field to field, Ctrl+B, the markdown shortcuts for a subheading and a list,
// and Ctrl+S for an explicit revision. A pointer event anywhere fails the test.
import { describe, expect, test } from 'vitest';
import { inlineText, revision as revisionSchema, type BlockNode } from '../../core/story';
import { listItemTexts } from '../../core/story/plain-text';
import { editorOutline } from '../helpers/e2e/outline';
import { eventually, waitForFocus, waitForSaveState } from '../helpers/e2e/page';
import { useAppSession } from '../helpers/e2e/session';

const HEADLINE = 'Cụm thi đua số 4 chăm lo đời sống cho đoàn viên';
const SAPO = 'Các công đoàn cơ sở trong cụm đã trao quà, thăm hỏi và hỗ trợ kịp thời người lao động gặp khó khăn.';
const OPENING = 'Trong năm, cụm đã ';
const BOLD = 'vận động được 1.200 suất quà';
const OPENING_END = ' cho người lao động.';
const SUBHEADING = 'Phát động thi đua gắn với 3 khâu đột phá';
const ITEMS = ['Đẩy mạnh đối thoại, thương lượng tập thể', 'Tập trung phát triển đoàn viên'];
const CLOSING = 'Các hoạt động sẽ tiếp tục trong quý II.';

const session = useAppSession();

describe('the keyboard alone', () => {
  test('creates, writes, formats and saves a revision of a story', async () => {
    const app = await session.startApp();
    const tab = await session.openPage(app);
    const { page } = tab;
    await page.evaluate(() => {
      const w = window as Window & { pointerEvents?: number };
      w.pointerEvents = 0;
      for (const type of ['pointerdown', 'mousedown', 'click', 'contextmenu', 'wheel']) {
        window.addEventListener(type, (event) => { if (event.isTrusted) w.pointerEvents = (w.pointerEvents ?? 0) + 1; }, true);
      }
    });

    await page.keyboard.press('Control+n');
    await waitForFocus(page, 'headline-input');
    await page.keyboard.type(HEADLINE);
    await page.keyboard.press('Tab');
    await waitForFocus(page, 'sapo-input');
    await page.keyboard.type(SAPO);
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'editor-body');

    await page.keyboard.type(OPENING);
    await page.keyboard.press('Control+b');
    await page.keyboard.type(BOLD);
    await page.keyboard.press('Control+b');
    await page.keyboard.type(OPENING_END);
    await page.keyboard.press('Enter');
    await page.keyboard.type(`## ${SUBHEADING}`);
    await page.keyboard.press('Enter');
    await page.keyboard.type(`- ${ITEMS[0]}`);
    await page.keyboard.press('Enter');
    await page.keyboard.type(ITEMS[1]!);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // an empty item ends the list
    await page.keyboard.type(CLOSING);

    expect(await editorOutline(page)).toEqual({
      blocks: [
        { kind: 'p', text: OPENING + BOLD + OPENING_END },
        { kind: 'h2', text: SUBHEADING },
        { kind: 'ul', items: ITEMS },
        { kind: 'p', text: CLOSING },
      ],
      strong: [BOLD],
      links: [],
    });

    await page.keyboard.press('Control+s');
    await waitForSaveState(page);

    const storyId = new URL(page.url()).hash.replace('#/story/', '');
    const saved = await eventually(async () => (await app?.rpc('revisions.list', { storyId }))?.find((revision) => revision.reason === 'save'), "a 'save' revision");
    const revision = revisionSchema.parse(await app.rpc('revisions.get', { id: saved.id }));
    expect(revision.content.headline).toBe(HEADLINE);
    expect(revision.content.sapo).toBe(SAPO);
    const blocks: BlockNode[] = revision.content.body.root.children;
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'heading', 'list', 'paragraph']);
    const [opening, heading, list] = blocks;
    expect(heading?.type === 'heading' && heading.tag === 'h2' && inlineText(heading.children)).toBe(SUBHEADING);
    expect(list?.type === 'list' && list.listType === 'bullet' && listItemTexts(list)).toEqual(ITEMS);
    const boldRuns = opening?.type === 'paragraph' ? opening.children.filter((child) => child.type === 'text' && (child.format & 1) === 1) : [];
    expect(boldRuns.map((run) => (run.type === 'text' ? run.text : ''))).toEqual([BOLD]);

    expect(await page.evaluate(() => (window as Window & { pointerEvents?: number }).pointerEvents)).toBe(0);
    expect(tab.errors).toEqual([]);
  });
});
