// The site's only stylesheet, served from /static/site.css so that the CSP can
// forbid inline styles. Mobile first: one column, then article + boxes side by
// side from 900px.
import { createHash } from 'node:crypto';

export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Serif","Times New Roman",serif;font-size:18px;line-height:1.6;color:#1b1b1b;background:#fff}
a{color:#0b4f8a;text-decoration:none}
a:hover,a:focus{text-decoration:underline}
img{max-width:100%;height:auto;display:block}
.site-header{border-bottom:3px solid #b30000;padding:.75rem 1rem;font-family:Arial,Helvetica,sans-serif}
.brand{font-size:1.5rem;font-weight:700;color:#b30000}
.site-nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}
.layout{max-width:1140px;margin:0 auto;padding:1rem;display:grid;grid-template-columns:minmax(0,1fr);gap:2rem}
.breadcrumb{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:.9rem;text-transform:uppercase}
.headline{font-size:1.75rem;line-height:1.3;margin:.5rem 0}
.time{color:#666;font-family:Arial,Helvetica,sans-serif;font-size:.9rem;margin:0 0 1rem}
.sapo{font-weight:700;margin:0 0 1rem}
.related-stories ul{margin:0 0 1rem;padding:.5rem 1rem;border-left:3px solid #b30000;background:#f6f6f6;list-style:none}
.related-stories li{margin:.25rem 0;font-family:Arial,Helvetica,sans-serif;font-size:.95rem}
.body h2,.body h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
.body figure{margin:1.5rem 0;text-align:center}
.body figcaption{font-size:.9rem;font-style:italic;color:#444;padding:.5rem;background:#f3f3f3}
.body blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#333}
.byline{text-align:right;font-weight:700;margin:1.5rem 0}
.boxes h2{font-family:Arial,Helvetica,sans-serif;font-size:1.1rem;border-bottom:2px solid #b30000;padding-bottom:.25rem;margin:1.5rem 0 .75rem}
.teasers{list-style:none;margin:0;padding:0}
.teasers li{padding:.75rem 0;border-bottom:1px solid #e5e5e5}
.teaser-title{font-weight:700;display:block}
.teaser-sapo{margin:.25rem 0 0;font-size:.95rem;color:#333}
.teaser-time{font-size:.8rem;color:#777;font-family:Arial,Helvetica,sans-serif}
.section-block{margin-bottom:2rem}
.pager{display:flex;justify-content:space-between;margin:1.5rem 0;font-family:Arial,Helvetica,sans-serif}
.site-footer{border-top:1px solid #ddd;padding:1rem;text-align:center;font-size:.85rem;color:#666;font-family:Arial,Helvetica,sans-serif}
.notice{max-width:40rem;margin:3rem auto;padding:0 1rem;text-align:center}
@media (min-width:900px){
  .layout{grid-template-columns:minmax(0,2fr) minmax(0,1fr)}
  .headline{font-size:2.25rem}
  .layout.single{grid-template-columns:minmax(0,1fr)}
}
`.trim();

export const SITE_CSS_VERSION = createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 12);
export const SITE_CSS_PATH = `/static/site.css`;
