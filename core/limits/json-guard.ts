// JSON from outside is measured before it is parsed. JSON.parse itself copes with
// deep nesting, but everything after it recurses (zod, JSON.stringify, the
// databases' JSON functions), so a value nested 100,000 levels deep must never
// get past the door. The scan below is a loop over the text: it cannot overflow
// the stack whatever the input, and it costs one pass.
import { REQUEST_LIMITS } from './limits';
import { formatCount, formatSize } from './messages';

export const JSON_GUARD_CODES = ['JSON_TOO_DEEP', 'JSON_TOO_LARGE', 'JSON_INVALID'] as const;
export type JsonGuardCode = (typeof JSON_GUARD_CODES)[number];
export type JsonGuardRefusal = { ok: false; code: JsonGuardCode; message: string };
export type JsonGuardResult = { ok: true; value: unknown } | JsonGuardRefusal;

export type JsonLimits = { maxDepth: number; maxBytes: number };

export type JsonTextMeasure = {
  /** Deepest nesting of [ and { outside strings, counted up to maxDepth + 1. */
  depth: number;
  /** The text's length in UTF-8, counted up to maxBytes + 1 (a lone surrogate counts as the 3 bytes of U+FFFD). */
  bytes: number;
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

function utf8Length(code: number, next: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // A high surrogate followed by a low one is one 4-byte character; the low half then adds 0.
  if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return 4;
  return 3;
}

/**
 * Measures JSON text without parsing it: its nesting depth and UTF-8 size. The
 * scan stops as soon as either passes its limit, so a huge input costs no more
 * than its first maxBytes. Brackets inside strings do not count; the text need
 * not be valid JSON (JSON.parse judges that afterwards).
 */
export function measureJsonText(text: string, limits: JsonLimits): JsonTextMeasure {
  let depth = 0;
  let deepest = 0;
  let bytes = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const size = utf8Length(code, text.charCodeAt(i + 1));
    bytes += size;
    if (size === 4) i++;
    if (bytes > limits.maxBytes) break;
    if (inString) {
      if (code === BACKSLASH) {
        // The escaped character is one ASCII character (\" \\ \n \uXXXX's "u").
        i++;
        bytes++;
      } else if (code === QUOTE) {
        inString = false;
      }
      continue;
    }
    if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limits.maxDepth) break;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
  }
  return { depth: deepest, bytes };
}

/** The refusal for JSON text over its limits, or null when it is within them. */
export function checkJsonText(text: string, limits: JsonLimits): JsonGuardRefusal | null {
  const measure = measureJsonText(text, limits);
  if (measure.bytes > limits.maxBytes) {
    return {
      ok: false,
      code: 'JSON_TOO_LARGE',
      message: `Dữ liệu gửi lên quá lớn: giới hạn là ${formatSize(limits.maxBytes)}`,
    };
  }
  if (measure.depth > limits.maxDepth) {
    return {
      ok: false,
      code: 'JSON_TOO_DEEP',
      message: `Dữ liệu JSON lồng nhau quá sâu: tối đa ${formatCount(limits.maxDepth)} cấp`,
    };
  }
  return null;
}

/**
 * JSON.parse behind the depth and size scan: the one way to read JSON that
 * came from outside. Never throws; a refusal says why in Vietnamese.
 */
export function parseJsonWithin(
  text: string,
  limits: JsonLimits = { maxDepth: REQUEST_LIMITS.jsonDepth, maxBytes: REQUEST_LIMITS.bytes },
): JsonGuardResult {
  const refusal = checkJsonText(text, limits);
  if (refusal) return refusal;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: 'JSON_INVALID', message: 'Dữ liệu gửi lên không phải JSON hợp lệ' };
  }
}

/**
 * True when a value already in memory (e.g. from Electron's structured clone,
 * which has no JSON text to scan) nests deeper than maxDepth, or holds more than
 * maxValues values in all (shared or cyclic references count each time they
 * are met, so a small cyclic object cannot make the walk endless). A loop with
 * its own stack, for the same reason as the scan above.
 */
export function valueExceedsNesting(value: unknown, maxDepth: number, maxValues = 1_000_000): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (++seen > maxValues) return true;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
