// Alt text in the figure editor: the field shows the caption it falls back on,
// the image in the editor carries it, and what the writer types there is saved
// in the figure and written to the exported page's <img alt>.
import { describe, expect, test } from 'vitest';
import { nodes } from '../../core/story';
import { runCli } from '../helpers/cli-run';
import { waitForSaveState } from '../helpers/e2e/page';
import { makePng } from '../helpers/e2e/png';
import { useAppSession } from '../helpers/e2e/session';
import { attrs, parseHtml } from '../helpers/server/dom';

const session = useAppSession();
const CAPTION = 'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động làm việc trực tiếp trong dịp Tết Nguyên đán Ất Tỵ 2025.';
const ALT = 'Cán bộ công đoàn trao túi quà Tết cho một nữ công nhân trước cổng nhà máy';

describe('a figure’s alt text', () => {
  test('defaults to the caption, is edited in the figure, saved, and exported as <img alt>', async () => {
    const app = await session.startApp();
    const image = await app.rpc('media.add', { fileName: 'tet-sum-vay.png', bytes: makePng(64, 40).toString('base64') });
    const story = await app.rpc('stories.create', {
      content: {
        headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động',
        body: nodes.bodyOf([nodes.paragraph(nodes.inlineFromText('Tết sum vầy.')), nodes.figure({ src: image.src, caption: CAPTION })]),
      },
    });
    const { page, errors } = await session.openPage(app, { hash: `#/story/${story.id}` });
    const img = page.locator('[data-testid="figure"] img');
    await img.waitFor();
    const alt = page.getByTestId('figure-alt');
    expect(await img.getAttribute('alt')).toBe(CAPTION);
    expect(await alt.inputValue()).toBe('');
    expect(await alt.getAttribute('placeholder')).toContain(CAPTION);
    // The field is named for screen readers, as every other field of the figure.
    expect(await page.getByRole('textbox', { name: /Mô tả ảnh/ }).count()).toBe(1);

    await alt.click();
    await page.keyboard.type(ALT);
    await page.getByTestId('editor-body').locator('p').first().click();
    await waitForSaveState(page);
    expect(await img.getAttribute('alt')).toBe(ALT);
    const storedFigure = async () => (await app.rpc('stories.get', { id: story.id })).body.root.children.find((block) => block.type === 'figure');
    await expect.poll(storedFigure).toMatchObject({ alt: ALT, caption: CAPTION });

    const exported = await runCli(['export', story.id, '--format', 'html', '--db', app.dbPath]);
    expect(exported.code).toBe(0);
    expect(attrs(parseHtml(exported.stdout), 'figure img', 'alt')).toEqual([ALT]);
    expect(errors).toEqual([]);
  });
});
