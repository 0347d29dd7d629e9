// The related-story line on the public page (core/site/related-line.ts): rule R
// run again over the pieces the desk could not link, with the headlines of
// published stories. Lines from shared/samples/articles.
import { describe, expect, it } from 'vitest';
import { parseArticleText, toStoryContent } from '../../core/import';
import { linkRelatedTitles, unlinkedRelatedTitles } from '../../core/site/related-line';
import type { RelatedStoryRef, StoryBody } from '../../core/story';
import { sampleText } from '../fixtures/import-samples';

const LDLD = [
  'Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025',
  'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá',
  'Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam: Điểm tựa cho người lao động',
];
const ID = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;

function importedBody(): StoryBody {
  return toStoryContent(parseArticleText(sampleText('ldld-hai-ba-trung-doi-moi.txt'))).body;
}

function relatedOf(body: StoryBody): RelatedStoryRef[] {
  const block = body.root.children.find((b) => b.type === 'related-stories');
  return block?.type === 'related-stories' ? block.stories : [];
}

describe('the related line of an imported sample, on the site', () => {
  it('is one unlinked piece while none of its titles is published', () => {
    const body = importedBody();
    expect(unlinkedRelatedTitles(body)).toEqual([LDLD.join(' ')]);
    expect(linkRelatedTitles(body, [])).toBe(body);
    expect(relatedOf(linkRelatedTitles(body, [{ id: ID(9), headline: 'Tin khác hẳn, không nằm trong dòng này' }]))).toEqual([{ id: null, title: LDLD.join(' ') }]);
  });

  it('is cut at a published title, which links; the text either side stays as titles without links', () => {
    const linked = relatedOf(linkRelatedTitles(importedBody(), [{ id: ID(2), headline: LDLD[1] as string }]));
    expect(linked).toEqual([
      { id: null, title: LDLD[0] },
      { id: ID(2), title: LDLD[1] },
      { id: null, title: LDLD[2] },
    ]);
  });

  it('links every title that is published, whatever the case of its headline', () => {
    const published = [
      { id: ID(1), headline: LDLD[0] as string },
      { id: ID(3), headline: (LDLD[2] as string).replace('Điểm tựa', 'điểm tựa') },
    ];
    expect(relatedOf(linkRelatedTitles(importedBody(), published))).toEqual([
      { id: ID(1), title: LDLD[0] },
      { id: null, title: LDLD[1] },
      { id: ID(3), title: (LDLD[2] as string).replace('Điểm tựa', 'điểm tựa') },
    ]);
  });

  it('leaves pieces that already link, and every other block, as they are', () => {
    const body = toStoryContent(parseArticleText(sampleText('ldld-hai-ba-trung-doi-moi.txt')), {
      related: [{ id: ID(7), title: LDLD[0] as string }],
    }).body;
    expect(unlinkedRelatedTitles(body)).toEqual([]);
    const linked = linkRelatedTitles(body, [{ id: ID(8), headline: LDLD[0] as string }]);
    expect(linked.root.children).toEqual(body.root.children);
  });
});
