// Properties of the limits (core/limits) and of the story schema that applies
// them: no input, however deep, large or malformed, makes them throw, and what
// they measure is what JSON.stringify and JSON.parse would see.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBodyLimits,
  checkStoryLimits,
  measureBody,
  measureJsonText,
  parseJsonWithin,
  REQUEST_LIMITS,
  valueExceedsNesting,
} from '../../core/limits';
import { storyBody, storyContent } from '../../core/story';
import { FUZZ_TIMEOUT, fuzzSettings } from '../helpers/fuzz-settings';

/** The seed of every property here in `npm test`; FUZZ_RUNS and FUZZ_SEED take over in `npm run fuzz`. */
const SEED = 20_251_205;

const UNLIMITED = { maxDepth: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER };

/** The nesting depth of a parsed value, by a loop (the reference the text scan must agree with). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** JSON text nested `depth` levels deep, with random brackets, keys and filler; closed or cut short. */
const deepJsonText = fc
  .record({
    kinds: fc.array(fc.constantFrom('[', '{'), { minLength: 1, maxLength: 8 }),
    depth: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 150_000 })),
    filler: fc.constantFrom('1', '"Hà Nội"', '"[[{{"', 'null', '"\\"]}"'),
    closed: fc.boolean(),
  })
  .map(({ kinds, depth, filler, closed }) => {
    let open = '';
    let close = '';
    for (let i = 0; i < depth; i++) {
      const kind = kinds[i % kinds.length];
      open += kind === '[' ? '[' : '{"k":';
      close = (kind === '[' ? ']' : '}') + close;
    }
    return { text: open + filler + (closed ? close : ''), depth, closed };
  });

describe('the JSON guard', { timeout: FUZZ_TIMEOUT }, () => {
  it('never throws, and refuses exactly the texts nested deeper than the limit', () => {
    fc.assert(
      fc.property(deepJsonText, ({ text, depth, closed }) => {
        const result = parseJsonWithin(text, { maxDepth: REQUEST_LIMITS.jsonDepth, maxBytes: 10 * 1024 * 1024 });
        if (depth > REQUEST_LIMITS.jsonDepth) expect(result).toMatchObject({ ok: false, code: 'JSON_TOO_DEEP' });
        else if (closed || depth === 0) expect(result.ok).toBe(true);
        else expect(result).toMatchObject({ ok: false, code: 'JSON_INVALID' });
      }),
      fuzzSettings(100, SEED),
    );
  });

  it('never throws on any text at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (text) => {
        const result = parseJsonWithin(text);
        if (result.ok) expect(result.value).toEqual(JSON.parse(text));
      }),
      fuzzSettings(300, SEED),
    );
  });

  it('measures the depth and UTF-8 size of any JSON value as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (value) => {
        const text = JSON.stringify(value);
        const measure = measureJsonText(text, UNLIMITED);
        expect(measure.depth).toBe(depthOf(value));
        expect(measure.bytes).toBe(new TextEncoder().encode(text).byteLength);
        expect(valueExceedsNesting(value, measure.depth)).toBe(false);
        if (measure.depth > 0) expect(valueExceedsNesting(value, measure.depth - 1)).toBe(true);
      }),
      fuzzSettings(300, SEED),
    );
  });
});

/** A body-shaped value: real node types and fields, nested at random, some parts nonsense. */
const bodyLike = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('text'), version: fc.constant(1), text: fc.string({ unit: 'binary', maxLength: 40 }) }),
    fc.record({ type: fc.constant('linebreak'), version: fc.constant(1) }),
    fc.record({
      type: fc.constantFrom('paragraph', 'quote', 'list', 'listitem', 'link', 'heading'),
      version: fc.constant(1),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
    fc.record({ type: fc.constant('figure'), version: fc.constant(1), caption: fc.string(), alt: fc.string(), credit: fc.string() }),
    fc.jsonValue({ maxDepth: 3 }),
  ),
})).node.map((block) => ({ root: { type: 'root', version: 1, children: [block] } }));

/** A list nested `depth` levels, built by a loop: the test itself must not overflow. */
const deepBody = fc.integer({ min: 1, max: 100_000 }).map((depth) => {
  let inner: unknown = { type: 'text', version: 1, text: 'Hà Nội' };
  for (let i = 0; i < depth; i++) inner = { type: i % 2 === 0 ? 'listitem' : 'list', version: 1, children: [inner] };
  return { root: { type: 'root', version: 1, children: [inner] } };
});

describe('the story limits and the schema', { timeout: FUZZ_TIMEOUT }, () => {
  it('never throw on any value, deep bodies included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), bodyLike, deepBody), (body) => {
        expect(Array.isArray(checkBodyLimits(body))).toBe(true);
        expect(Array.isArray(checkStoryLimits({ headline: 'Tít', body }))).toBe(true);
        storyBody.safeParse(body);
        storyContent.safeParse({ headline: 'Tít', sapo: '', byline: '', section: '', tags: [], slug: '', related: [], body });
      }),
      fuzzSettings(200, SEED),
    );
  });

  it('count a body’s size exactly as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(fc.oneof(bodyLike, fc.jsonValue({ maxDepth: 10 })), (body) => {
        const measure = measureBody(body);
        fc.pre(measure.complete);
        expect(measure.bytes).toBe(new TextEncoder().encode(JSON.stringify(body)).byteLength);
      }),
      fuzzSettings(300, SEED),
    );
  });

  it('refuse a body exactly when the schema would recurse past the depth limit', () => {
    fc.assert(
      fc.property(deepBody, (body) => {
        const issues = checkBodyLimits(body);
        const result = storyBody.safeParse(body);
        if (issues.length > 0) expect(result.error?.issues.map((issue) => issue.message)).toEqual(issues);
      }),
      fuzzSettings(100, SEED),
    );
  });
});
