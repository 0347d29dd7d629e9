// Every dialog looks like the app. The link dialog and the related-story
// picker are opened from inside the story, whose serif they used to inherit
// (serif buttons, a label squeezed against its field, no padding); the import,
// settings and history dialogs are opened from the shell. Each is checked by
// its computed style and kept as test-results/dialogs/NAME.png. The conflict
// dialog is checked the same way in sync-conflict.test.ts.
import { describe, expect, test } from 'vitest';
import { nodes } from '../../core/story';
import { expectAppDialog } from '../helpers/e2e/dialogs';
import { useAppSession } from '../helpers/e2e/session';

const session = useAppSession();
const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const RELATED = 'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá';

describe('every dialog', () => {
  test('has the app’s font, padding and labels: link, related stories, import, settings, history', async () => {
    const app = await session.startApp();
    await app.rpc('stories.create', { content: { headline: RELATED } });
    const story = await app.rpc('stories.create', {
      content: { headline: HEADLINE, body: nodes.bodyOf([nodes.paragraph(nodes.inlineFromText('Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua.'))]) },
    });
    const { page, errors } = await session.openPage(app, { hash: `#/story/${story.id}` });
    const body = page.getByTestId('editor-body');
    await body.locator('p').first().waitFor();

    // The link dialog, over a selected word of the body.
    await body.locator('p').first().dblclick();
    await page.keyboard.press('Control+K');
    await expectAppDialog(page, 'link-dialog', 'link');
    await page.keyboard.press('Escape');
    await page.getByTestId('link-dialog').waitFor({ state: 'detached' });

    // The related-story picker, with a hit and a chosen story in it.
    await body.locator('p').first().click();
    await page.getByTestId('toolbar-related').click();
    await page.getByTestId('related-search').fill('phat dong thi dua');
    await page.getByRole('button', { name: new RegExp(RELATED.slice(0, 20)) }).first().click();
    await page.getByTestId('related-chosen').waitFor();
    await expectAppDialog(page, 'related-picker', 'related-picker');
    await page.keyboard.press('Escape');
    await page.getByTestId('related-picker').waitFor({ state: 'detached' });

    await page.getByTestId('history-button').click();
    await expectAppDialog(page, 'history-panel', 'history');
    await page.keyboard.press('Escape');
    await page.getByTestId('history-panel').waitFor({ state: 'detached' });

    await page.getByTestId('import-button').click();
    await expectAppDialog(page, 'import-dialog', 'import');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });

    await page.getByTestId('settings-button').click();
    await expectAppDialog(page, 'settings-dialog', 'settings');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
