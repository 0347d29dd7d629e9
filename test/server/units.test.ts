// The server's pure pieces, table-driven.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { bearerToken } from '../../server/auth/tokens';
import { checkImage, MAX_IMAGE_BYTES, sniffImageType } from '../../core/media/image-type';
import { displayName } from '../../core/newsroom/roles';
import { parseArticleFile, sectionSlugOf, shortIdOf } from '../../core/site/address';
import { sanitizeBodyHtml } from '../../server/site/body';
import { rssFeed } from '../../server/site/feeds';
import { etagMatches } from '../../server/site/page-cache';
import { formatPublishedTime } from '../../server/site/time';
import { withoutNul } from '../../server/sync/protocol';
import { IMAGES } from '../helpers/server/images';

describe('formatPublishedTime (Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['2021-08-06T01:49:00Z', '08:49 | 06/08/2021'],
    ['2021-08-06T08:49:00+07:00', '08:49 | 06/08/2021'],
    ['2025-12-31T17:30:00Z', '00:30 | 01/01/2026'],
    ['2024-02-28T16:59:59Z', '23:59 | 28/02/2024'],
    ['2025-01-28T16:00:00Z', '23:00 | 28/01/2025'],
    ['2025-06-30T17:00:00.000Z', '00:00 | 01/07/2025'],
  ])('%s → %s', (iso, shown) => {
    expect(formatPublishedTime(iso)).toBe(shown);
  });
});

describe('public addresses', () => {
  it.each([
    ['0195f0a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b', '7e8f9a0b'],
    ['0195F0A0-1C2D-7E3F-8A4B-5C6D7E8F9A0B', '7e8f9a0b'],
  ])('short id of %s is %s', (id, short) => {
    expect(shortIdOf(id)).toBe(short);
  });

  it.each([
    ['ldld-quan-hai-ba-trung-1a2b3c4d.html', { slug: 'ldld-quan-hai-ba-trung', shortId: '1a2b3c4d' }],
    ['a-00000000.html', { slug: 'a', shortId: '00000000' }],
    ['khong-co-ma.html', null],
    ['slug-1A2B3C4D.html', null],
    ['slug--1a2b3c4d.html', null],
    ['-1a2b3c4d.html', null],
    ['slug-1a2b3c4d.htm', null],
    ['../etc-1a2b3c4d.html', null],
  ])('%s parses as %j', (file, parsed) => {
    expect(parseArticleFile(file)).toEqual(parsed);
  });

  it.each([
    ['Công đoàn', 'cong-doan'],
    ['Thời sự', 'thoi-su'],
    ['Pháp luật & Bạn đọc', 'phap-luat-ban-doc'],
    ['Đời sống', 'doi-song'],
    ['', ''],
  ])('section %j lives at /%s/', (section, slug) => {
    expect(sectionSlugOf(section)).toBe(slug);
  });
});

describe('sniffImageType', () => {
  it.each([
    [IMAGES.png, 'image/png'],
    [IMAGES.jpeg, 'image/jpeg'],
    [IMAGES.gif, 'image/gif'],
    [IMAGES.webp, 'image/webp'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), null],
    [Buffer.from('<!doctype html><html></html>'), null],
    [Buffer.from('RIFF\x00\x00\x00\x00WAVE'), null],
    [Buffer.from([0x89, 0x50, 0x4e]), null],
    [Buffer.alloc(0), null],
  ])('%#: %s', (bytes, type) => {
    expect(sniffImageType(bytes)).toBe(type);
  });
});

describe('checkImage: what a desk keeps of the bytes a server sends for an image', () => {
  it('keeps an allowed type within the limit, and says why not otherwise', () => {
    expect(checkImage(IMAGES.webp)).toEqual({ ok: true, mime: 'image/webp' });
    const atLimit = Buffer.concat([IMAGES.png, Buffer.alloc(MAX_IMAGE_BYTES - IMAGES.png.length)]);
    expect(checkImage(atLimit)).toEqual({ ok: true, mime: 'image/png' });
    expect(checkImage(Buffer.concat([atLimit, Buffer.alloc(1)]))).toEqual({ ok: false, reason: 'Ảnh quá lớn: giới hạn là 10 MB' });
    expect(checkImage(Buffer.from('<!doctype html><html></html>'))).toEqual({
      ok: false,
      reason: 'Tệp không phải là ảnh (chỉ nhận PNG, JPEG, GIF, WebP)',
    });
  });
});

describe('displayName: the name an account signs with', () => {
  it.each([
    ['Nguyễn Thị Hường'.normalize('NFD'), 'Nguyễn Thị Hường'],
    ['  Mạnh   Quân \n', 'Mạnh Quân'],
    ['H.Phong', 'H.Phong'],
  ])('%j → %j', (input, stored) => {
    expect(displayName.parse(input)).toBe(stored);
  });

  it.each([['   '], ['a'.repeat(101)]])('refuses %j', (input) => {
    expect(displayName.safeParse(input).success).toBe(false);
  });
});

describe('passwords and tokens', () => {
  it('hashes with a fresh salt and verifies only the right password', async () => {
    const a = await hashPassword('Mật khẩu của phóng viên');
    const b = await hashPassword('Mật khẩu của phóng viên');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Mật khẩu của phóng viên', a)).toBe(true);
    expect(await verifyPassword('Mật khẩu của phóng viên ', a)).toBe(false);
    expect(await verifyPassword('Mật khẩu của phóng viên', 'md5$abc')).toBe(false);
  });

  it('treats NFC and NFD spellings of a Vietnamese password as the same', async () => {
    const hash = await hashPassword('Hà Nội'.normalize('NFC'));
    expect(await verifyPassword('Hà Nội'.normalize('NFD'), hash)).toBe(true);
  });

  it.each([
    [`Bearer ${'a'.repeat(43)}`, 'a'.repeat(43)],
    [`bearer ${'a'.repeat(43)}`, 'a'.repeat(43)],
    [`Bearer ${'a'.repeat(42)}`, null],
    [`Basic ${'a'.repeat(43)}`, null],
    ['Bearer', null],
    [undefined, null],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('etagMatches', () => {
  it.each([
    ['"abc"', '"abc"', true],
    ['W/"abc"', '"abc"', true],
    ['"x", "abc"', '"abc"', true],
    ['*', '"abc"', true],
    ['"abd"', '"abc"', false],
    [undefined, '"abc"', false],
  ])('%j against %s → %s', (header, etag, match) => {
    expect(etagMatches(header, etag)).toBe(match);
  });
});

describe('sanitizeBodyHtml, the second layer behind the renderer', () => {
  it.each([
    ['<p>Chào<script>alert(1)</script></p>', '<p>Chào</p>'],
    ['<img src="x" onerror="alert(1)">', '<img src="x" loading="lazy" />'],
    ['<a href="javascript:alert(1)">Bấm</a>', '<a>Bấm</a>'],
    ['<a href=" JaVaScRiPt:alert(1)">Bấm</a>', '<a>Bấm</a>'],
    ['<img src="data:image/svg+xml;base64,AAAA">', '<img loading="lazy" />'],
    ['<iframe src="https://example.com"></iframe><p>Sau</p>', '<p>Sau</p>'],
    ['<svg onload="alert(1)"><circle/></svg>', ''],
    ['<p style="background:url(javascript:alert(1))">Chữ</p>', '<p>Chữ</p>'],
    ['<span class="credit evil">Ảnh: TTXVN</span>', '<span class="credit">Ảnh: TTXVN</span>'],
    [
      '<figure><img src="/media/abc" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>',
      '<figure><img src="/media/abc" alt="Ảnh" loading="lazy" /><figcaption>Chú thích</figcaption></figure>',
    ],
    ['<a href="https://laodongthudo.vn/" rel="noopener">Báo</a>', '<a href="https://laodongthudo.vn/" rel="noopener">Báo</a>'],
  ])('%s → %s', (input, output) => {
    expect(sanitizeBodyHtml(input)).toBe(output);
  });
});

describe('rssFeed', () => {
  it('escapes a sapo twice, so readers that decode it once still see text', () => {
    const xml = rssFeed({ title: 'Bạn đọc', link: 'http://x/', description: 'Tin', baseUrl: 'http://x' }, [
      {
        id: '0195f0a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b',
        shortId: '7e8f9a0b',
        section: 'Bạn đọc',
        sectionSlug: 'ban-doc',
        slug: 'tin',
        headline: 'Tít <b>đậm</b>',
        sapo: '<script>alert(1)</script> & “ngoặc”',
        publishedAt: '2021-08-06T01:49:00.000Z',
        updatedAt: '2021-08-06T01:49:00.000Z',
        correction: null,
      },
    ]);
    expect(xml).toContain('<title>Tít &lt;b&gt;đậm&lt;/b&gt;</title>');
    expect(xml).toContain('<description>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; “ngoặc”</description>');
    expect(xml).toContain('<link>http://x/ban-doc/tin-7e8f9a0b.html</link>');
    expect(xml).toContain('<pubDate>Fri, 06 Aug 2021 01:49:00 GMT</pubDate>');
  });
});

describe('withoutNul', () => {
  it('drops U+0000 from every string, however deep', () => {
    expect(withoutNul({ a: 'x\u0000y', b: ['\u0000', { c: 'z' }], d: 5, e: null })).toEqual({ a: 'xy', b: ['', { c: 'z' }], d: 5, e: null });
  });
});
