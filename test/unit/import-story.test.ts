import { describe, expect, it } from 'vitest';
import { importArticle, toStoryContent } from '../../core/import';
import { storyContent } from '../../core/story';
import { SAMPLES, sampleText, utf8 } from '../fixtures/import-samples';

describe('toStoryContent: an imported sample becomes valid story content', () => {
  it.each([
    { sample: SAMPLES[0]!, slug: 'ldld-quan-hai-ba-trung-tiep-tuc-doi-moi-hoat-dong-hieu-qua-vi-nguoi-lao-dong' },
    { sample: SAMPLES[1]!, slug: 'cum-thi-dua-so-4-trien-khai-hieu-qua-cong-tac-cham-lo-doi-song-cho-doan-vien' },
  ])('$sample.file', async ({ sample, slug }) => {
    const article = await importArticle(sample.file, utf8(sampleText(sample.file)));
    const content = storyContent.parse(toStoryContent(article));

    expect(content).toMatchObject({ headline: sample.headline, sapo: article.sapo, byline: sample.byline, section: '', tags: [], slug, related: article.related });
    // The related line is kept: it opens the body, one unlinked piece, as no title is known here.
    const [related, ...children] = content.body.root.children;
    expect(article.related).toHaveLength(1);
    expect(related).toMatchObject({ type: 'related-stories', stories: [{ id: null, title: article.related[0] }] });
    expect(children.map((node) => node.type)).toEqual(article.blocks.map((block) => block.type));
    expect(children.filter((node) => node.type === 'heading').map((node) => node.tag)).toEqual(sample.subheadings.map(() => 'h2'));
    expect(children.filter((node) => node.type === 'figure').map((node) => node.caption)).toEqual(
      article.blocks.flatMap((block) => (block.type === 'figure' ? [block.caption] : [])),
    );
  });

  it('opens the body with a related-stories block when the caller has matched the related line', async () => {
    const sample = SAMPLES[0]!;
    const article = await importArticle(sample.file, utf8(sampleText(sample.file)));
    const content = storyContent.parse(toStoryContent(article, { related: [{ id: null, title: 'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá' }] }));
    expect(content.body.root.children[0]).toMatchObject({
      type: 'related-stories',
      stories: [{ id: null, title: 'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá' }],
    });
    expect(content.body.root.children).toHaveLength(article.blocks.length + 1);
  });
});
