// Writing a story in the real editor: headline, sapo, and a body with bold,
// a subheading, a list, a link and a figure. Once "Đã lưu" shows, a reload
// must bring back the same story, and the CLI's headless HTML export of the
// stored story must have the same structure as the editor shows.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { story as storySchema } from '../../core/story';
import { runCli } from '../helpers/cli-run';
import { editorOutline, exportOutline, type Outline } from '../helpers/e2e/outline';
import { waitForSaveState } from '../helpers/e2e/page';
import { useAppSession } from '../helpers/e2e/session';
import { makePng } from '../helpers/e2e/png';

const HEADLINE = 'Công đoàn quận Hai Bà Trưng chăm lo Tết cho người lao động';
const SAPO = 'Năm nay, Liên đoàn Lao động quận trao 1.296 suất quà cho đoàn viên, công nhân có hoàn cảnh khó khăn.';
const LEAD_BEFORE = 'Chương trình “Tết sum vầy” được tổ chức ';
const BOLD = 'ngay từ những ngày đầu năm';
const LEAD_AFTER = ', tạo không khí sôi nổi, vui tươi.';
const SUBHEADING = 'Đa dạng hoá các hoạt động chăm lo';
const ITEMS = ['Trao vé xe cho công nhân về quê ăn Tết', 'Thi bày mâm ngũ quả tại Cung Văn hoá'];
const LINK_LEAD = 'Xem thêm trên trang ';
const LINK_TEXT = 'Lao Động Thủ Đô';
const LINK_URL = 'https://laodongthudo.vn/cong-doan/cham-lo-tet.html';
const CAPTION = 'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động dịp Tết Nguyên đán Ất Tỵ 2025.';
const CREDIT = 'Ảnh: H.Phong';

const EXPECTED: Outline = {
  blocks: [
    { kind: 'p', text: LEAD_BEFORE + BOLD + LEAD_AFTER },
    { kind: 'h2', text: SUBHEADING },
    { kind: 'ul', items: ITEMS },
    { kind: 'p', text: LINK_LEAD + LINK_TEXT },
    { kind: 'figure', caption: CAPTION, credit: CREDIT, image: true },
  ],
  strong: [BOLD],
  links: [{ href: LINK_URL, text: LINK_TEXT }],
};

const session = useAppSession();

describe('the editor in a real browser', () => {
  test('a story typed with formatting, a link and a figure survives a reload and exports with the same structure', async () => {
    const app = await session.startApp();
    const tab = await session.openPage(app);
    const { page } = tab;

    await page.getByRole('button', { name: 'Bài mới' }).click();
    const headline = page.getByTestId('headline-input');
    await headline.click();
    await page.keyboard.type(HEADLINE);
    await page.getByTestId('sapo-input').click();
    await page.keyboard.type(SAPO);

    const body = page.getByTestId('editor-body');
    await body.click();
    await page.keyboard.type(LEAD_BEFORE);
    await page.keyboard.press('Control+B');
    await page.keyboard.type(BOLD);
    await page.keyboard.press('Control+B');
    await page.keyboard.type(LEAD_AFTER);
    await page.keyboard.press('Enter');

    await page.getByTestId('toolbar-h2').click();
    await page.keyboard.type(SUBHEADING);
    await page.keyboard.press('Enter');

    await page.getByTestId('toolbar-bullet-list').click();
    await page.keyboard.type(ITEMS[0]!);
    await page.keyboard.press('Enter');
    await page.keyboard.type(ITEMS[1]!);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // an empty item ends the list

    await page.keyboard.type(LINK_LEAD + LINK_TEXT);
    // One key at a time, as a person selects. Lexical takes the selection from the
    // page's 'selectionchange' event, a task after the key; Ctrl+K reads Lexical's
    // selection, so each press waits for that event (Lexical's listener runs first).
    await page.evaluate(() => {
      const w = window as Window & { selectionChanges?: number };
      w.selectionChanges = 0;
      document.addEventListener('selectionchange', () => (w.selectionChanges = (w.selectionChanges ?? 0) + 1));
    });
    for (let i = 1; i <= LINK_TEXT.length; i++) {
      const seen = await page.evaluate(() => (window as Window & { selectionChanges?: number }).selectionChanges ?? 0);
      await page.keyboard.press('Shift+ArrowLeft');
      await page.waitForFunction(
        ({ wanted, seen }) => ((window as Window & { selectionChanges?: number }).selectionChanges ?? 0) > seen && window.getSelection()?.toString() === wanted,
        { wanted: LINK_TEXT.slice(-i), seen },
      );
    }
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('Control+K');
    const url = page.getByTestId('link-url');
    await url.waitFor();
    await url.fill(LINK_URL);
    await url.press('Enter');
    await url.waitFor({ state: 'detached' });
    await page.keyboard.press('End');

    const png = makePng(64, 40);
    const sha256 = createHash('sha256').update(png).digest('hex');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('toolbar-figure').click();
    await (await chooser).setFiles({ name: 'tet-sum-vay.png', mimeType: 'image/png', buffer: png });
    await page.locator('[data-testid="figure"] img').waitFor();
    await page.getByTestId('figure-caption').click();
    await page.keyboard.type(CAPTION);
    await page.getByTestId('figure-credit').click();
    await page.keyboard.type(CREDIT);
    await body.click(); // leave the credit field, back in the text

    await waitForSaveState(page);
    const typed = await editorOutline(page);
    expect(typed).toEqual(EXPECTED);

    // What the store holds is what was typed.
    const storyId = new URL(page.url()).hash.replace('#/story/', '');
    // The store adds its own summary fields (wordCount, deletedAt) to the Story it returns.
    const stored = storySchema.loose().parse(await app.rpc('stories.get', { id: storyId }));
    expect(stored.headline).toBe(HEADLINE);
    expect(stored.sapo).toBe(SAPO);
    expect(stored.body.root.children.find((node) => node.type === 'figure')).toMatchObject({ src: `media:${sha256}`, caption: CAPTION, credit: CREDIT });

    await page.reload();
    await page.locator('[data-testid="figure"] img').waitFor();
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="figure"] img')).every((img) => img.complete && img.naturalWidth > 0));
    expect(await page.getByTestId('headline-input').inputValue()).toBe(HEADLINE);
    expect(await page.getByTestId('sapo-input').inputValue()).toBe(SAPO);
    expect(await editorOutline(page)).toEqual(typed);
    await expect(page.getByTestId('save-state').textContent()).resolves.toBe('Đã lưu');

    const exported = await runCli(['export', storyId, '--format', 'html', '--db', app.dbPath]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const rendered = await exportOutline(await tab.context.newPage(), exported.stdout);
    expect(rendered.headline).toBe(HEADLINE);
    expect(rendered.sapo).toBe(SAPO);
    expect(rendered.outline).toEqual(typed);
    expect(exported.stdout).toContain(`/media/${sha256}`);

    expect(tab.errors).toEqual([]);
  });
});
