import type { Teaser } from '../storage/types';
import { sectionPath } from '../../core/site/address';
import { html } from './html';
import { layout, type SiteContext } from './layout';
import { teaserList } from './teasers';

export const SECTION_PAGE_SIZE = 20;
export const HOME_PER_SECTION = 5;

/** Latest stories, grouped by section, sections in order of their newest story. */
export function homePage(site: SiteContext, latest: readonly Teaser[]): string {
  const groups = new Map<string, { name: string; teasers: Teaser[] }>();
  for (const t of latest) {
    const group = groups.get(t.sectionSlug) ?? { name: t.section, teasers: [] };
    if (group.teasers.length < HOME_PER_SECTION) group.teasers.push(t);
    groups.set(t.sectionSlug, group);
  }
  const blocks = [...groups].map(
    ([slug, g]) => html`<section class="section-block">
<h2><a href="/${slug}/">${g.name}</a></h2>
${teaserList(g.teasers, { sapo: true, time: true })}
</section>`,
  );
  const main = html`<div class="home"><h1 class="headline">Tin mới nhất</h1>${
    blocks.length > 0 ? blocks : html`<p>Chưa có bài nào được xuất bản.</p>`
  }</div>`;
  return layout(site, { title: site.siteName, description: `Tin mới nhất từ ${site.siteName}`, path: '/', rssPath: '/rss.xml' }, main, 'layout single');
}

export type SectionView = { name: string; slug: string; page: number; pageCount: number; teasers: readonly Teaser[] };

export function sectionPage(site: SiteContext, view: SectionView): string {
  const prevPath = view.page > 1 ? sectionPath(view.slug, view.page - 1) : null;
  const nextPath = view.page < view.pageCount ? sectionPath(view.slug, view.page + 1) : null;
  const main = html`<div class="section">
<h1 class="headline">${view.name}</h1>
${view.page > 1 ? html`<p class="time">Trang ${view.page}/${view.pageCount}</p>` : ''}
${teaserList(view.teasers, { sapo: true, time: true })}
<nav class="pager" aria-label="Phân trang">${prevPath ? html`<a rel="prev" href="${prevPath}">« Trang trước</a>` : html`<span></span>`}${
    nextPath ? html`<a rel="next" href="${nextPath}">Trang sau »</a>` : ''
  }</nav>
</div>`;
  return layout(
    site,
    {
      title: view.page > 1 ? `${view.name} – trang ${view.page} | ${site.siteName}` : `${view.name} | ${site.siteName}`,
      description: `Tin ${view.name} từ ${site.siteName}`,
      path: sectionPath(view.slug, view.page),
      rssPath: `/${view.slug}/rss.xml`,
      prevPath,
      nextPath,
    },
    main,
    'layout single',
  );
}
