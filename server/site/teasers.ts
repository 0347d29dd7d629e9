import type { Teaser } from '../storage/types';
import { articlePath } from '../../core/site/address';
import { html, type SafeHtml } from './html';
import { formatPublishedTime } from './time';

export function teaserPath(t: Teaser): string {
  return articlePath({ sectionSlug: t.sectionSlug, slug: t.slug }, t.id);
}

/** A list of stories: title linked, then (optionally) time and sapo, as the sample's boxes show them. */
export function teaserList(teasers: readonly Teaser[], show: { sapo?: boolean; time?: boolean } = {}): SafeHtml {
  return html`<ul class="teasers">${teasers.map(
    (t) => html`<li><a class="teaser-title" href="${teaserPath(t)}">${t.headline}</a>${
      show.time ? html`<span class="teaser-time">${formatPublishedTime(t.publishedAt)}</span>` : ''
    }${show.sapo && t.sapo ? html`<p class="teaser-sapo">${t.sapo}</p>` : ''}</li>`,
  )}</ul>`;
}
