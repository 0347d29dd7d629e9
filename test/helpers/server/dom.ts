// Pages parsed the way a browser would (happy-dom, with script and resource
// loading off), so assertions look at elements and attributes, not at strings.
import { Window } from 'happy-dom';

export function parseHtml(html: string): Document {
  const window = new Window({
    settings: { disableJavaScriptFileLoading: true, navigation: { disableMainFrameNavigation: true } },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function texts(doc: Document, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim());
}

export function attrs(doc: Document, selector: string, name: string): string[] {
  return [...doc.querySelectorAll(selector)].map((e) => e.getAttribute(name) ?? '');
}

/** Position of the first element matching each selector, in document order. */
export function documentOrder(doc: Document, selectors: string[]): number[] {
  const all = [...doc.querySelectorAll('*')];
  return selectors.map((s) => {
    const e = doc.querySelector(s);
    if (!e) throw new Error(`no element matches ${s}`);
    return all.indexOf(e);
  });
}
