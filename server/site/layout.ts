import { html, type SafeHtml } from './html';
import { FAVICON_PATH } from './favicon';
import { SITE_CSS_PATH, SITE_CSS_VERSION } from './style';

export type SiteContext = {
  siteName: string;
  /** Absolute origin for canonical links, RSS and Open Graph, e.g. "https://bao.vn". */
  baseUrl: string;
  /** Sections for the navigation bar, newest first. */
  sections: ReadonlyArray<{ name: string; slug: string }>;
};

export type PageHead = {
  title: string;
  description?: string;
  /** Site-relative path of this page's canonical URL; null for error pages. */
  path: string | null;
  openGraph?: { type: 'article' | 'website'; image?: string | null; publishedTime?: string; section?: string };
  rssPath?: string;
  prevPath?: string | null;
  nextPath?: string | null;
};

export function layout(site: SiteContext, head: PageHead, main: SafeHtml, mainClass = 'layout'): string {
  const url = head.path === null ? null : site.baseUrl + head.path;
  const og = head.openGraph;
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${head.title}</title>
${head.description ? html`<meta name="description" content="${head.description}">` : ''}
${url ? html`<link rel="canonical" href="${url}">` : ''}
<link rel="icon" type="image/svg+xml" href="${FAVICON_PATH}">
<link rel="stylesheet" href="${SITE_CSS_PATH}?v=${SITE_CSS_VERSION}">
${head.rssPath ? html`<link rel="alternate" type="application/rss+xml" href="${head.rssPath}">` : ''}
${head.prevPath ? html`<link rel="prev" href="${head.prevPath}">` : ''}
${head.nextPath ? html`<link rel="next" href="${head.nextPath}">` : ''}
<meta property="og:site_name" content="${site.siteName}">
<meta property="og:locale" content="vi_VN">
<meta property="og:type" content="${og?.type ?? 'website'}">
<meta property="og:title" content="${head.title}">
${url ? html`<meta property="og:url" content="${url}">` : ''}
${head.description ? html`<meta property="og:description" content="${head.description}">` : ''}
${og?.image ? html`<meta property="og:image" content="${og.image}">` : ''}
${og?.publishedTime ? html`<meta property="article:published_time" content="${og.publishedTime}">` : ''}
${og?.section ? html`<meta property="article:section" content="${og.section}">` : ''}
</head>
<body>
<header class="site-header">
<a class="brand" href="/">${site.siteName}</a>
<nav class="site-nav" aria-label="Chuyên mục"><ul>${site.sections.map(
    (s) => html`<li><a href="/${s.slug}/">${s.name}</a></li>`,
  )}</ul></nav>
</header>
<main class="${mainClass}">
${main}
</main>
<footer class="site-footer">© ${site.siteName}</footer>
</body>
</html>
`.html.replace(/\n{2,}/g, '\n');
}

/** 404, 410 and friends: a short page in the same frame. */
export function noticePage(site: SiteContext, title: string, message: string): string {
  return layout(site, { title: `${title} | ${site.siteName}`, path: null }, html`<div class="notice"><h1>${title}</h1><p>${message}</p><p><a href="/">Về trang chủ</a></p></div>`, 'layout single');
}
