import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl } from '../../core/story';
import { linkUrlFromInput } from '../../renderer/editor/plugins/LinkDialogPlugin';
import { NEWS_MARKDOWN_TRANSFORMERS } from '../../renderer/editor/plugins/MarkdownPlugin';

describe('linkUrlFromInput', () => {
  it.each([
    ['https://laodongthudo.vn/ldld-quan-hai-ba-trung.html', 'https://laodongthudo.vn/ldld-quan-hai-ba-trung.html', true],
    ['laodongthudo.vn', 'https://laodongthudo.vn', true],
    ['  laodongthudo.vn/cong-doan?trang=2 ', 'https://laodongthudo.vn/cong-doan?trang=2', true],
    ['toasoan@laodongthudo.vn', 'mailto:toasoan@laodongthudo.vn', true],
    ['mailto:toasoan@laodongthudo.vn', 'mailto:toasoan@laodongthudo.vn', true],
    ['javascript:alert(1)', 'javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', 'data:text/html,<b>x</b>', false],
    ['ftp://laodongthudo.vn', 'ftp://laodongthudo.vn', false],
    ['/bai-viet-tuong-doi', '/bai-viet-tuong-doi', false],
    ['Hai Bà Trưng', 'Hai Bà Trưng', false],
  ])('%j → %j (allowed: %s)', (typed, url, allowed) => {
    expect(linkUrlFromInput(typed)).toBe(url);
    expect(isAllowedLinkUrl(linkUrlFromInput(typed))).toBe(allowed);
  });
});

describe('markdown shortcuts', () => {
  const matching = (line: string): string[] =>
    NEWS_MARKDOWN_TRANSFORMERS.filter((t) => t.regExp.test(line)).map((t) => t.dependencies.map((d) => d.getType()).join('+'));

  it.each([
    ['## Đa dạng hoá các hoạt động chăm lo', ['heading']],
    ['### Kết quả', ['heading']],
    ['- mục một', ['list+listitem']],
    ['1. mục một', ['list+listitem']],
    ['> Tất cả vì đoàn viên', ['quote']],
    ['# Tít', []],
    ['#### Nhỏ', []],
    ['* mục', []],
    ['```', []],
  ])('%j → %j', (line, types) => {
    expect(matching(line)).toEqual(types);
  });
});
