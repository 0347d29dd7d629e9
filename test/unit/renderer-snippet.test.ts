// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { snippetToSegments, unescapeEntities } from '../../renderer/list/snippet';

const seg = (text: string, marked = false) => ({ text, marked });

describe('snippetToSegments', () => {
  it.each([
    ['no marks', 'Liên đoàn Lao động quận Hai Bà Trưng', [seg('Liên đoàn Lao động quận Hai Bà Trưng')]],
    [
      'one mark in the middle',
      'Đoàn khảo sát của <mark>Liên</mark> đoàn Lao động',
      [seg('Đoàn khảo sát của '), seg('Liên', true), seg(' đoàn Lao động')],
    ],
    ['mark at both ends', '<mark>Cụm</mark> thi đua số <mark>4</mark>', [seg('Cụm', true), seg(' thi đua số '), seg('4', true)]],
    ['adjacent marks merge', '<mark>chăm</mark><mark> lo</mark> đời sống', [seg('chăm lo', true), seg(' đời sống')]],
    ['upper-case tag', 'tổ chức <MARK>Công đoàn</MARK> cơ sở', [seg('tổ chức '), seg('Công đoàn', true), seg(' cơ sở')]],
    ['empty snippet', '', []],
    ['only a mark', '<mark>LĐLĐ</mark>', [seg('LĐLĐ', true)]],
  ])('%s', (_name, snippet, expected) => {
    expect(snippetToSegments(snippet)).toEqual(expected);
  });

  it('unescapes entities into text, after the tags are cut', () => {
    expect(snippetToSegments('Tỷ lệ &lt; 100% &amp; <mark>&quot;Tết&quot;</mark> &#39;Ất Tỵ&#x27;')).toEqual([
      seg('Tỷ lệ < 100% & '),
      seg('"Tết"', true),
      seg(" 'Ất Tỵ'"),
    ]);
  });

  it('keeps an escaped <mark> as literal text, not as a highlight', () => {
    expect(snippetToSegments('&lt;mark&gt;không tô&lt;/mark&gt;')).toEqual([seg('<mark>không tô</mark>')]);
  });

  describe('hostile HTML stays text', () => {
    it.each([
      ['script tag', '<script>alert(1)</script><mark>x</mark>', [seg('<script>alert(1)</script>'), seg('x', true)]],
      ['img onerror', '<img src=x onerror=alert(1)>', [seg('<img src=x onerror=alert(1)>')]],
      ['mark with attributes is not a mark', '<mark onclick="alert(1)">bấm</mark>', [seg('<mark onclick="alert(1)">bấm')]],
      ['unbalanced closing tag', 'Hà Nội</mark> <mark>Quốc Oai', [seg('Hà Nội '), seg('Quốc Oai', true)]],
      ['nested marks', '<mark><mark>Ba Vì</mark></mark> Hoài Đức', [seg('Ba Vì', true), seg(' Hoài Đức')]],
      ['entity-encoded script', '&lt;script&gt;alert(1)&lt;/script&gt;', [seg('<script>alert(1)</script>')]],
      ['javascript url', '<a href="javascript:alert(1)">link</a>', [seg('<a href="javascript:alert(1)">link</a>')]],
    ])('%s', (_name, snippet, expected) => {
      const segments = snippetToSegments(snippet);
      expect(segments).toEqual(expected);
      // Whatever comes in, the only structure out is text plus a boolean.
      for (const segment of segments) expect(Object.keys(segment).sort()).toEqual(['marked', 'text']);
    });
  });
});

describe('unescapeEntities', () => {
  it.each([
    ['&amp;lt;', '&lt;'],
    ['&#272;&#7889;ng', 'Đống'],
    ['&#x110;', 'Đ'],
    ['a&nbsp;b', 'a\u00a0b'],
    ['&unknown; &copy;', '&unknown; &copy;'],
    ['&#0; &#xD800; &#x110000;', '\ufffd \ufffd \ufffd'],
    ['& alone', '& alone'],
  ])('%s', (input, expected) => {
    expect(unescapeEntities(input)).toBe(expected);
  });
});
