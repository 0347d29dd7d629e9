// The article page, laid out like the sample articles: headline, time, sapo in
// bold, related links and body (from the body renderer), byline, then the boxes
// "Nên xem" (editors' picks) and "Tin khác" (latest in the same section).
import { isAllowedFigureSrc, mediaShaOf, type Story } from '../../core/story';
import type { CorrectionEntry } from '../../core/workflow';
import type { PublicAddress, Teaser } from '../storage/types';
import { articlePath } from '../../core/site/address';
import { html, sanitized, type SafeHtml } from './html';
import { layout, type SiteContext } from './layout';
import { teaserList } from './teasers';
import { formatPublishedTime } from './time';

export type ArticleView = {
  story: Story;
  address: PublicAddress;
  /** Already sanitized body HTML. */
  bodyHtml: string;
  picks: readonly Teaser[];
  more: readonly Teaser[];
  /** Corrections shown under the story, oldest first (core/workflow visibleCorrections). */
  corrections: readonly CorrectionEntry[];
};

function correctionsBox(corrections: readonly CorrectionEntry[]): SafeHtml | '' {
  if (corrections.length === 0) return '';
  const items = corrections.map((c) => html`<li><time datetime="${c.at}">${formatPublishedTime(c.at)}</time>: ${c.text}</li>`);
  return html`<aside class="corrections"><h2>Đính chính</h2><ul>${items}</ul></aside>`;
}

function openGraphImage(story: Story, baseUrl: string): string | null {
  for (const block of story.body.root.children) {
    if (block.type !== 'figure' || !isAllowedFigureSrc(block.src)) continue;
    const sha256 = mediaShaOf(block.src);
    if (sha256 !== null) return `${baseUrl}/media/${sha256}`;
    if (/^https?:\/\//.test(block.src)) return block.src;
  }
  return null;
}

export function articlePage(site: SiteContext, view: ArticleView): string {
  const { story, address } = view;
  const publishedAt = story.publishedAt ?? story.updatedAt;
  const updatedAt = view.corrections.at(-1)?.at ?? null;
  const main = html`<article class="article">
<p class="breadcrumb"><a href="/${address.sectionSlug}/">${story.section}</a></p>
<h1 class="headline">${story.headline}</h1>
<p class="time"><time datetime="${publishedAt}">${formatPublishedTime(publishedAt)}</time>${
    updatedAt ? html` · Cập nhật <time class="updated" datetime="${updatedAt}">${formatPublishedTime(updatedAt)}</time>` : ''
  }</p>
${story.sapo ? html`<p class="sapo"><strong>${story.sapo}</strong></p>` : ''}
<div class="body">
${sanitized(view.bodyHtml)}
</div>
${story.byline ? html`<p class="byline">${story.byline}</p>` : ''}
${correctionsBox(view.corrections)}
</article>
${view.picks.length + view.more.length > 0 ? html`<aside class="boxes">
<p class="boxes-title">Có thể bạn quan tâm</p>
${view.picks.length > 0 ? html`<section class="box box-picks"><h2>Nên xem</h2>${teaserList(view.picks, { sapo: true })}</section>` : ''}
${view.more.length > 0 ? html`<section class="box box-more"><h2>Tin khác</h2>${teaserList(view.more, { sapo: true })}</section>` : ''}
</aside>` : ''}`;
  return layout(
    site,
    {
      title: `${story.headline} | ${site.siteName}`,
      description: story.sapo,
      path: articlePath(address, story.id),
      rssPath: `/${address.sectionSlug}/rss.xml`,
      openGraph: {
        type: 'article',
        image: openGraphImage(story, site.baseUrl),
        publishedTime: publishedAt,
        section: story.section,
      },
    },
    main,
  );
}
