// The body as it is saved: the editor's JSON without the note marks it holds
// while the story is open (./note-marks.ts). A mark is replaced by its
// children, and text that a mark had split is joined again where both halves
// are alike, so that a body saved with marks open is the body saved without.
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Plain text nodes that Lexical itself would keep as one. */
function joinable(a: Json, b: Json): boolean {
  return (
    a.type === 'text' &&
    b.type === 'text' &&
    a.format === b.format &&
    a.style === b.style &&
    a.detail === b.detail &&
    (a.mode ?? 'normal') === 'normal' &&
    (b.mode ?? 'normal') === 'normal' &&
    a.$ === undefined &&
    b.$ === undefined
  );
}

function childrenWithoutMarks(children: readonly unknown[]): { children: unknown[]; changed: boolean } {
  const out: unknown[] = [];
  let changed = false;
  let unwrapped = false;
  for (const child of children) {
    if (isObject(child) && child.type === 'mark' && Array.isArray(child.children)) {
      out.push(...childrenWithoutMarks(child.children).children);
      changed = true;
      unwrapped = true;
    } else {
      const inner = stripNode(child);
      if (inner !== child) changed = true;
      out.push(inner);
    }
  }
  if (!unwrapped) return { children: changed ? out : [...children], changed };
  // Join the text the marks had cut in pieces.
  const joined: unknown[] = [];
  for (const node of out) {
    const last = joined.at(-1);
    if (isObject(last) && isObject(node) && joinable(last, node)) {
      joined[joined.length - 1] = { ...last, text: `${String(last.text)}${String(node.text)}` };
    } else {
      joined.push(node);
    }
  }
  return { children: joined, changed: true };
}

function stripNode(node: unknown): unknown {
  if (!isObject(node) || !Array.isArray(node.children)) return node;
  const { children, changed } = childrenWithoutMarks(node.children);
  return changed ? { ...node, children } : node;
}

/** The editor's JSON without note marks; returned as is when it has none. */
export function withoutNoteMarks<T>(editorJson: T): T {
  if (!isObject(editorJson) || !isObject(editorJson.root)) return editorJson;
  const root = stripNode(editorJson.root);
  return (root === editorJson.root ? editorJson : { ...editorJson, root }) as T;
}
