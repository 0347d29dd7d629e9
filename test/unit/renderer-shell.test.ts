// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { StorySummary } from '../../core/api';
import { hashForStory, storyIdFromHash } from '../../renderer/app/open-story';
import { commandForKey } from '../../renderer/app/shortcuts';
import { bytesToBase64, importKind, mayBeImportable, pickImportable } from '../../renderer/import/import-file';
import { listArgs, NO_FILTERS } from '../../renderer/list/filters';
import { appendPage, mergeHead } from '../../renderer/list/pages';
import { normalizeDictionary, patchFromForm, type SettingsForm } from '../../renderer/settings/settings-form';
import { resolveTheme } from '../../renderer/theme/useTheme';

function story(id: string, headline: string): StorySummary {
  return {
    id,
    headline,
    status: 'draft',
    section: 'Công đoàn',
    author: 'H.Phong',
    byline: 'H.Phong',
    wordCount: 640,
    updatedAt: '2025-02-10T02:30:00.000Z',
    deletedAt: null,
  };
}
const ids = (items: StorySummary[]) => items.map((item) => item.id);

describe('list pages', () => {
  const a = story('a', 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới');
  const b = story('b', 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo');
  const c = story('c', 'Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam');
  const d = story('d', 'Phát động thi đua gắn với 3 khâu đột phá');

  it('appends a page without repeating a story already shown', () => {
    expect(ids(appendPage([a, b], [b, c, d]))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(appendPage([], [a]))).toEqual(['a']);
  });

  it('puts a fresh first page on top and keeps the rest in place', () => {
    const edited = { ...c, headline: 'Công đoàn Lotte: điểm tựa cho người lao động' };
    const merged = mergeHead([a, b, c, d], [edited, a]);
    expect(ids(merged)).toEqual(['c', 'a', 'b', 'd']);
    expect(merged[0]?.headline).toBe('Công đoàn Lotte: điểm tựa cho người lao động');
  });
});

describe('listArgs', () => {
  it.each([
    [NO_FILTERS, {}],
    [{ ...NO_FILTERS, mine: true }, { author: 'Mạnh Quân' }],
    [{ mine: true, status: 'draft', section: 'Công đoàn', trashed: true, queue: null } as const, { author: 'Mạnh Quân', status: 'draft', section: 'Công đoàn', trashed: true }],
    [{ ...NO_FILTERS, queue: 'assigned' } as const, { queue: 'assigned' }],
  ])('%j', (filters, expected) => {
    expect(listArgs(filters, 'Mạnh Quân')).toEqual(expected);
  });
});

describe('commandForKey', () => {
  const press = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
    key,
    ctrlKey: true,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...extra,
  });
  it.each([
    [press('n'), 'new-story'],
    [press('N'), 'new-story'],
    [press('o'), 'import'],
    [press('f'), 'search'],
    [press(','), 'settings'],
    [press('n', { ctrlKey: false, metaKey: true }), 'new-story'],
    [press('n', { ctrlKey: false }), null],
    [press('n', { shiftKey: true }), null],
    [press('f', { altKey: true }), null],
    [press('n', { metaKey: true }), null],
    [press('s'), null], // Ctrl+S belongs to the editor
    [press('b'), null],
  ])('%j → %s', (event, expected) => {
    expect(commandForKey(event)).toBe(expected);
  });
});

describe('import files', () => {
  it.each([
    ['ldld-hai-ba-trung-doi-moi.txt', 'txt'],
    ['Bài viết CỤM THI ĐUA.DOCX', 'docx'],
    ['anh-hoi-nghi.jpg', null],
    ['bai.doc', null],
    ['txt', null],
  ])('%s → %s', (name, kind) => {
    expect(importKind(name)).toBe(kind);
  });

  it('picks the first importable file of a drop', () => {
    expect(pickImportable([{ name: 'anh.png' }, { name: 'bai.docx' }, { name: 'bai.txt' }])).toEqual({ name: 'bai.docx' });
    expect(pickImportable([{ name: 'anh.png' }])).toBeNull();
  });

  it('claims a drag of text or Word files, not of images', () => {
    expect(mayBeImportable([{ kind: 'file', type: 'text/plain' }])).toBe(true);
    expect(mayBeImportable([{ kind: 'file', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }])).toBe(true);
    expect(mayBeImportable([{ kind: 'file', type: 'image/jpeg' }])).toBe(false);
    expect(mayBeImportable([{ kind: 'string', type: 'text/plain' }])).toBe(false);
  });

  it('encodes bytes as base64 exactly as Node does, across chunk boundaries', () => {
    const text = new TextEncoder().encode('LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động\n'.repeat(2000));
    expect(text.length).toBeGreaterThan(0x8000 * 2);
    expect(bytesToBase64(text)).toBe(Buffer.from(text).toString('base64'));
    const every = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(bytesToBase64(every)).toBe(Buffer.from(every).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});

describe('settings form', () => {
  const form: SettingsForm = {
    language: 'vi',
    theme: 'system',
    userName: '  Mạnh Quân ',
    targets: [
      { section: 'Công đoàn', words: '800' },
      { section: '', words: '' },
    ],
    dictionary: ['CNVCLĐ', ' Lotte ', 'CNVCLĐ', ''],
  };

  it('makes the settings.set patch, trimmed and without repeats', () => {
    expect(patchFromForm(form)).toEqual({
      ok: true,
      patch: { language: 'vi', theme: 'system', userName: 'Mạnh Quân', sectionTargets: { 'Công đoàn': 800 }, personalDictionary: ['CNVCLĐ', 'Lotte'] },
    });
  });

  it.each([
    [{ userName: ' ' }, [{ key: 'settings.problem.userName' }]],
    [{ targets: [{ section: '', words: '500' }] }, [{ key: 'settings.problem.section', row: 1 }]],
    [{ targets: [{ section: 'Thời sự', words: '0' }] }, [{ key: 'settings.problem.words', section: 'Thời sự' }]],
    [{ targets: [{ section: 'Thời sự', words: '12.5' }] }, [{ key: 'settings.problem.words', section: 'Thời sự' }]],
    [
      { targets: [{ section: 'Thời sự', words: '500' }, { section: 'Thời sự ', words: '600' }] },
      [{ key: 'settings.problem.duplicateSection', section: 'Thời sự' }],
    ],
    [{ dictionary: Array.from({ length: 10_001 }, (_, index) => `từ${index}`) }, [{ key: 'settings.problem.dictionarySize' }]],
  ])('refuses %j', (change, problems) => {
    expect(patchFromForm({ ...form, ...change })).toEqual({ ok: false, problems });
  });

  it('normalizes dictionary words to NFC, so both encodings of "hoà" are one word', () => {
    expect(normalizeDictionary(['hoa\u0300', 'ho\u00e0', 'thuý'])).toEqual(['ho\u00e0', 'thuý']);
  });
});

describe('open story in the URL hash', () => {
  it('round-trips a story id', () => {
    const id = '0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e';
    expect(storyIdFromHash(hashForStory(id))).toBe(id);
    expect(hashForStory(null)).toBe('');
  });
  it.each(['', '#/story/', '#/story/not-a-uuid', '#/story/0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e/extra', '#token=abc'])('ignores %j', (hash) => {
    expect(storyIdFromHash(hash)).toBeNull();
  });
});

describe('resolveTheme', () => {
  it.each([
    ['light', true, 'light'],
    ['dark', false, 'dark'],
    ['system', true, 'dark'],
    ['system', false, 'light'],
  ] as const)('%s with a dark OS = %s → %s', (theme, prefersDark, expected) => {
    expect(resolveTheme(theme, prefersDark)).toBe(expected);
  });
});
