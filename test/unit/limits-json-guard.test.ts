import { describe, expect, it } from 'vitest';
import {
  MAX_BODY_JSON_DEPTH,
  measureJsonText,
  parseJsonWithin,
  REQUEST_LIMITS,
  STORY_LIMITS,
  valueExceedsNesting,
} from '../../core/limits';
import { nodes } from '../../core/story';
import { sampleLine } from '../fixtures/text-samples';

const HEADLINE = sampleLine('ldld-hai-ba-trung-doi-moi.txt', 'LĐLĐ quận Hai Bà Trưng');
const WIDE = { maxDepth: 1_000_000, maxBytes: 1_000_000_000 };

describe('measureJsonText', () => {
  it.each([
    ['a string', JSON.stringify(HEADLINE), 0],
    ['a number', '42', 0],
    ['an empty object', '{}', 1],
    ['a story field', JSON.stringify({ headline: HEADLINE }), 1],
    ['a list of lists', '[[1],[[2]],3]', 3],
    ['brackets inside a string', JSON.stringify({ text: '[[[{{{ Hà Nội }}}]]]' }), 1],
    ['an escaped quote before brackets', JSON.stringify({ text: 'trích "[[[" hết' }), 1],
    ['an escaped backslash closing a string', JSON.stringify({ a: ['\\'], b: [[1]] }), 3],
    ['an unclosed string (not JSON; measured anyway)', '["[[[', 1],
  ])('%s', (_name, text, depth) => {
    expect(measureJsonText(text, WIDE).depth).toBe(depth);
  });

  it.each([
    ['ASCII', 'Ha Noi', 8],
    ['Vietnamese letters (2 and 3 bytes each)', 'Hà Nội', 11],
    ['an emoji (a surrogate pair, 4 bytes)', '📰 tin', 10],
  ])('counts %s in UTF-8 bytes', (_name, text, bytes) => {
    const json = JSON.stringify(text);
    expect(measureJsonText(json, WIDE).bytes).toBe(bytes);
    expect(new TextEncoder().encode(json).byteLength).toBe(bytes);
  });

  it('stops at the limit instead of scanning a huge text to its end', () => {
    const deep = '['.repeat(5_000_000);
    expect(measureJsonText(deep, { maxDepth: 64, maxBytes: 1e9 }).depth).toBe(65);
    expect(measureJsonText(deep, { maxDepth: 1e9, maxBytes: 1000 }).bytes).toBe(1001);
  });
});

describe('parseJsonWithin', () => {
  it('parses JSON within the limits', () => {
    expect(parseJsonWithin(JSON.stringify({ headline: HEADLINE }))).toEqual({ ok: true, value: { headline: HEADLINE } });
  });

  it.each([
    ['arrays', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['objects', (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)],
    ['unclosed arrays', (n: number) => '['.repeat(n)],
  ])('refuses %s nested 100,000 levels deep, without throwing', (_name, make) => {
    const result = parseJsonWithin(make(100_000));
    expect(result).toEqual({ ok: false, code: 'JSON_TOO_DEEP', message: 'Dữ liệu JSON lồng nhau quá sâu: tối đa 64 cấp' });
  });

  it('takes JSON exactly at the depth limit and refuses one level more', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parseJsonWithin(nested(REQUEST_LIMITS.jsonDepth)).ok).toBe(true);
    expect(parseJsonWithin(nested(REQUEST_LIMITS.jsonDepth + 1)).ok).toBe(false);
  });

  it('refuses text over the size limit, counted in UTF-8', () => {
    // 'ộ' is 3 bytes in UTF-8: 400 of them are 1,200 bytes though only 400 characters.
    const text = JSON.stringify('ộ'.repeat(400));
    expect(parseJsonWithin(text, { maxDepth: 64, maxBytes: 1_202 }).ok).toBe(true);
    expect(parseJsonWithin(text, { maxDepth: 64, maxBytes: 1_201 })).toEqual({
      ok: false,
      code: 'JSON_TOO_LARGE',
      message: 'Dữ liệu gửi lên quá lớn: giới hạn là 1,2 KB',
    });
    expect(parseJsonWithin('"' + 'a'.repeat(REQUEST_LIMITS.bytes) + '"')).toMatchObject({
      ok: false,
      message: 'Dữ liệu gửi lên quá lớn: giới hạn là 1 MB',
    });
  });

  it.each([['{"headline": "Hà Nội",}'], ['{headline: 1}'], [''], ['[1, 2']])('refuses %j as not JSON', (text) => {
    expect(parseJsonWithin(text)).toEqual({ ok: false, code: 'JSON_INVALID', message: 'Dữ liệu gửi lên không phải JSON hợp lệ' });
  });
});

describe('the limits fit together', () => {
  /** A body whose deepest node is at the depth limit, each block carrying its "$" state. */
  function deepestBody(): unknown {
    let inner: unknown[] = [nodes.link('https://laodongthudo.vn/', [nodes.textRun(HEADLINE)])];
    // listitem, list pairs down to the limit: the root's block list is level 1, the link level bodyDepth - 1.
    for (let level = STORY_LIMITS.bodyDepth - 2; level >= 1; level -= 2) {
      const item = { type: 'listitem', version: 1, value: 1, $: { blockId: `m${level}` }, children: inner };
      inner = [{ type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', $: { blockId: `d${level}` }, children: [item] }];
    }
    return { root: { type: 'root', version: 1, children: inner } };
  }

  it('a body at its deepest fits the request depth inside a push batch', () => {
    const push = JSON.stringify({ ops: [{ opId: 'x', kind: 'upsert', payload: { body: deepestBody() } }] });
    const depth = measureJsonText(JSON.stringify(deepestBody()), WIDE).depth;
    expect(depth).toBeLessThanOrEqual(MAX_BODY_JSON_DEPTH);
    expect(MAX_BODY_JSON_DEPTH + 4).toBeLessThanOrEqual(REQUEST_LIMITS.jsonDepth);
    expect(parseJsonWithin(push, { maxDepth: REQUEST_LIMITS.jsonDepth, maxBytes: REQUEST_LIMITS.pushBytes }).ok).toBe(true);
  });

  it('a story at its largest fits one push request', () => {
    // Every text field at its limit, written in 3-byte letters, escaped or not.
    const fields = STORY_LIMITS.headlineChars + STORY_LIMITS.sapoChars + STORY_LIMITS.bylineChars + STORY_LIMITS.sectionChars;
    const lists = STORY_LIMITS.tags * STORY_LIMITS.tagChars + STORY_LIMITS.related * STORY_LIMITS.relatedChars;
    const metaBytes = 6 * (fields + STORY_LIMITS.slugChars + lists) + 64 * 1024;
    expect(STORY_LIMITS.bodyBytes + metaBytes).toBeLessThan(REQUEST_LIMITS.pushBytes);
  });
});

describe('valueExceedsNesting', () => {
  it('measures values already in memory, however deep, without recursion', () => {
    let deep: unknown = { text: HEADLINE };
    for (let i = 0; i < 100_000; i++) deep = { children: [deep] };
    expect(valueExceedsNesting(deep, REQUEST_LIMITS.jsonDepth)).toBe(true);
    expect(valueExceedsNesting({ root: { children: [{ text: HEADLINE }] } }, 4)).toBe(false);
    expect(valueExceedsNesting({ root: { children: [{ text: HEADLINE }] } }, 3)).toBe(true);
  });

  it('ends on a cyclic value', () => {
    const cyclic: { self?: unknown; list: unknown[] } = { list: [] };
    cyclic.self = cyclic;
    cyclic.list.push(cyclic, cyclic);
    expect(valueExceedsNesting(cyclic, REQUEST_LIMITS.jsonDepth)).toBe(true);
  });

  it('ends on a small value that shares itself widely', () => {
    let shared: unknown[] = [HEADLINE];
    for (let i = 0; i < 40; i++) shared = [shared, shared, shared];
    expect(valueExceedsNesting(shared, 64, 100_000)).toBe(true);
  });
});
