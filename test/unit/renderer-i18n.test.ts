// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createI18n, NAMESPACES, resources } from '../../renderer/i18n';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key as a dotted path, plural forms folded into their base key. */
function keysOf(tree: unknown, prefix = ''): Set<string> {
  const keys = new Set<string>();
  if (typeof tree !== 'object' || tree === null) return keys;
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') keys.add(path.replace(PLURAL, ''));
    else for (const inner of keysOf(value, path)) keys.add(inner);
  }
  return keys;
}

function leaves(tree: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof tree !== 'object' || tree === null) return [[prefix, tree]];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix === '' ? key : `${prefix}.${key}`));
}

describe('translations', () => {
  it.each(NAMESPACES)('namespace %s has the same keys in vi and en', (namespace) => {
    const vi = keysOf(resources.vi[namespace]);
    const en = keysOf(resources.en[namespace]);
    expect([...vi].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !vi.has(key))).toEqual([]);
    expect(vi.size).toBeGreaterThan(0);
  });

  it.each(['vi', 'en'] as const)('every %s string is non-empty text', (language) => {
    for (const namespace of NAMESPACES) {
      for (const [path, value] of leaves(resources[language][namespace])) {
        expect(typeof value, `${namespace}:${path}`).toBe('string');
        expect(String(value).trim(), `${namespace}:${path}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();
    for (const namespace of NAMESPACES) {
      const en = new Map(leaves(resources.en[namespace]).map(([path, value]) => [path.replace(PLURAL, ''), value]));
      for (const [path, value] of leaves(resources.vi[namespace])) {
        expect(placeholders(en.get(path.replace(PLURAL, ''))), `${namespace}:${path}`).toEqual(placeholders(value));
      }
    }
  });
});

describe('createI18n', () => {
  it('speaks Vietnamese by default, with Vietnamese number grouping', () => {
    const i18n = createI18n();
    expect(i18n.language).toBe('vi');
    expect(i18n.t('topbar.newStory')).toBe('Bài mới');
    expect(i18n.t('topbar.import')).toBe('Nhập bài');
    expect(i18n.t('list.words', { count: 1234 })).toBe('1.234 chữ');
  });

  it('speaks English with plurals', () => {
    const i18n = createI18n('en');
    expect(i18n.t('topbar.newStory')).toBe('New story');
    expect(i18n.t('list.words', { count: 1 })).toBe('1 word');
    expect(i18n.t('list.words', { count: 1234 })).toBe('1,234 words');
  });

  it("mounts the editor's strings as their own namespace", () => {
    const i18n = createI18n('vi');
    const [firstKey, firstValue] = leaves(resources.vi.editor)[0] ?? ['', ''];
    expect(i18n.t(firstKey, { ns: 'editor' })).toBe(firstValue);
  });

  it('switches language at run time', async () => {
    const i18n = createI18n('vi');
    await i18n.changeLanguage('en');
    expect(i18n.t('saveState.saved')).toBe('Saved');
    await i18n.changeLanguage('vi');
    expect(i18n.t('saveState.saved')).toBe('Đã lưu');
  });
});
