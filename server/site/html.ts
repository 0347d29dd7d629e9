// Page templates are tagged templates: every interpolated value is escaped for
// both text and attribute positions unless it is SafeHtml, which only this file
// and the body sanitizer create. Forgetting to escape is therefore impossible
// by construction rather than by care.
import { escapeAttribute } from '../../core/render';

export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeAttribute(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup that has already been through sanitize-html. Use nowhere else. */
export function sanitized(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** XML text and attribute escaping (RSS, sitemap). */
export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids outright would make the whole feed unreadable.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return escapeAttribute(clean);
}
