// The limits of a story body (STORY_LIMITS), checked on any value before the
// body schema looks at it. The schema recurses through nested lists; this walk
// does not: it keeps its own stack and stops going down at the depth limit, so
// a body nested 100,000 levels deep costs 24 steps, and a body of ten million
// nodes costs 20,000. It measures shape and size only; what the nodes may be
// is the schema's business (core/story/body.ts).
import { MAX_BODY_JSON_DEPTH, STORY_LIMITS } from './limits';
import { formatCount, formatSize } from './messages';

export type BodyMeasure = {
  /** Vietnamese reasons, each naming the field and the block; empty when the body is within its limits. */
  issues: string[];
  /** Nodes seen (objects with a string `type`). */
  nodes: number;
  /** Characters of the text a reader reads (text runs, captions, alt, credits, related titles). */
  textChars: number;
  /** Size of JSON.stringify(body) in UTF-8, as far as the walk went. */
  bytes: number;
  /** False when the walk stopped early at a limit: the counts above are then lower bounds. */
  complete: boolean;
};

/** How many reasons are worth telling: after these, the body is plainly wrong. */
const MAX_ISSUES = 10;

const NODE_NAMES: Readonly<Record<string, string>> = {
  paragraph: 'đoạn văn',
  heading: 'tiêu đề phụ',
  quote: 'trích dẫn',
  list: 'danh sách',
  listitem: 'mục danh sách',
  link: 'liên kết',
  text: 'đoạn chữ',
  figure: 'ảnh',
  'related-stories': 'tin liên quan',
};

type FieldRule = { label: string; max: number; readerText: boolean };

function fieldRule(key: string, ownerType: string | null): FieldRule {
  switch (key) {
    case 'text':
      return { label: 'Đoạn chữ', max: STORY_LIMITS.textNodeChars, readerText: true };
    case 'caption':
      return { label: 'Chú thích ảnh', max: STORY_LIMITS.captionChars, readerText: true };
    case 'alt':
      return { label: 'Mô tả ảnh (alt)', max: STORY_LIMITS.altChars, readerText: true };
    case 'credit':
      return { label: 'Nguồn ảnh', max: STORY_LIMITS.creditChars, readerText: true };
    case 'url':
      return { label: 'Địa chỉ liên kết', max: STORY_LIMITS.urlChars, readerText: false };
    case 'src':
      return { label: 'Địa chỉ ảnh', max: STORY_LIMITS.urlChars, readerText: false };
    default:
      // A related story's reference is the one object of a body without a type.
      if (key === 'title' && ownerType === null) {
        return { label: 'Tít tin liên quan', max: STORY_LIMITS.relatedTitleChars, readerText: true };
      }
      return { label: `Trường “${key}”`, max: STORY_LIMITS.otherFieldChars, readerText: false };
  }
}

/** UTF-8 size of a string written by JSON.stringify, quotes included. */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 6; // a lone surrogate is written as \udXXX
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

function scalarBytes(value: unknown): number {
  if (typeof value === 'string') return jsonStringBytes(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  return 4; // null
}

type Frame = {
  value: unknown;
  key: string | number | null;
  ownerType: string | null;
  jsonDepth: number;
  nodeDepth: number;
  block: number | null;
  blockType: string | null;
};

function where(frame: Pick<Frame, 'block' | 'blockType'>): string {
  if (frame.block === null) return '';
  const name = frame.blockType === null ? undefined : NODE_NAMES[frame.blockType];
  return ` ở khối ${formatCount(frame.block + 1)}${name === undefined ? '' : ` (${name})`}`;
}

function typeOf(value: object): string | null {
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? type : null;
}

/** Walks a body once (see the top of this file) and measures it against STORY_LIMITS. */
export function measureBody(body: unknown): BodyMeasure {
  const measure: BodyMeasure = { issues: [], nodes: 0, textChars: 0, bytes: 0, complete: true };
  const stack: Frame[] = [{ value: body, key: null, ownerType: null, jsonDepth: 1, nodeDepth: 0, block: null, blockType: null }];
  const stop = (issue: string) => {
    measure.issues.push(issue);
    measure.complete = false;
  };

  while (stack.length > 0 && measure.issues.length < MAX_ISSUES) {
    const frame = stack.pop() as Frame;
    const { value } = frame;
    if (value === null || typeof value !== 'object') {
      measure.bytes += scalarBytes(value);
      if (typeof value === 'string' && typeof frame.key === 'string') {
        const rule = fieldRule(frame.key, frame.ownerType);
        if (rule.readerText) measure.textChars += value.length;
        if (value.length > rule.max) {
          measure.issues.push(
            `${rule.label}${where(frame)} quá dài: ${formatCount(value.length)} ký tự (tối đa ${formatCount(rule.max)})`,
          );
        }
      }
    } else if (frame.jsonDepth > MAX_BODY_JSON_DEPTH) {
      measure.issues.push(`Nội dung bài lồng nhau quá sâu${where(frame)}: tối đa ${formatCount(MAX_BODY_JSON_DEPTH)} cấp JSON`);
      measure.complete = false;
    } else {
      const type = Array.isArray(value) ? null : typeOf(value);
      if (type !== null) {
        if (frame.nodeDepth > STORY_LIMITS.bodyDepth) {
          measure.issues.push(`Nội dung bài lồng nhau quá sâu${where(frame)}: tối đa ${formatCount(STORY_LIMITS.bodyDepth)} cấp`);
          measure.complete = false;
          continue;
        }
        if (++measure.nodes > STORY_LIMITS.bodyNodes) {
          stop(`Nội dung bài có quá nhiều nút: tối đa ${formatCount(STORY_LIMITS.bodyNodes)}`);
          break;
        }
      }
      pushChildren(stack, frame, value, type, measure);
    }
    if (measure.bytes > STORY_LIMITS.bodyBytes) {
      stop(`Nội dung bài quá lớn: tối đa ${formatSize(STORY_LIMITS.bodyBytes)} khi lưu`);
      break;
    }
  }
  if (stack.length > 0) measure.complete = false;
  if (measure.textChars > STORY_LIMITS.bodyTextChars && measure.issues.length < MAX_ISSUES) {
    measure.issues.push(
      `Chữ trong bài quá dài: ${formatCount(measure.textChars)} ký tự (tối đa ${formatCount(STORY_LIMITS.bodyTextChars)})`,
    );
  }
  return measure;
}

function pushChildren(stack: Frame[], frame: Frame, value: object, type: string | null, measure: BodyMeasure): void {
  const jsonDepth = frame.jsonDepth + 1;
  if (Array.isArray(value)) {
    measure.bytes += 2 + Math.max(0, value.length - 1);
    // Items of the root's children are the blocks: they name where a problem is.
    const isBlockList = frame.key === 'children' && frame.nodeDepth === 1;
    for (let i = value.length - 1; i >= 0; i--) {
      const item: unknown = value[i];
      const block = isBlockList ? i : frame.block;
      const blockType = isBlockList ? (item !== null && typeof item === 'object' ? typeOf(item) : null) : frame.blockType;
      // JSON.stringify writes null for these in an array.
      const written = item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item;
      stack.push({ value: written, key: i, ownerType: frame.ownerType, jsonDepth, nodeDepth: frame.nodeDepth, block, blockType });
    }
    return;
  }
  const entries = Object.entries(value).filter(
    ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
  );
  measure.bytes += 2 + Math.max(0, entries.length - 1);
  for (let i = entries.length - 1; i >= 0; i--) {
    const [key, child] = entries[i] as [string, unknown];
    measure.bytes += jsonStringBytes(key) + 1;
    stack.push({
      value: child,
      key,
      ownerType: type,
      jsonDepth,
      // A node's children are one level further down.
      nodeDepth: type !== null && key === 'children' ? frame.nodeDepth + 1 : frame.nodeDepth,
      block: frame.block,
      blockType: frame.blockType,
    });
  }
}

/** The reasons a body breaks STORY_LIMITS, in Vietnamese; empty when it keeps them. */
export function checkBodyLimits(body: unknown): string[] {
  return measureBody(body).issues;
}
