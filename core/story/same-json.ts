// Equality of JSON values (bodies, nodes, field values): key order and keys
// holding undefined do not matter. A merge asks "did this side change it?" for
// every block, and the server asks whether a live story has a pending update for
// every one it sends, so this is on hot paths and stays allocation-free.
// `ignoredKey`: a key left out of the comparison at every depth (a block's
// NodeState, "$", which holds only its id).
export function sameJson(a: unknown, b: unknown, ignoredKey?: string): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], ignoredKey)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let leftKeys = 0;
  for (const key in left) {
    if (left[key] === undefined || key === ignoredKey) continue;
    leftKeys++;
    if (!Object.hasOwn(right, key) || !sameJson(left[key], right[key], ignoredKey)) return false;
  }
  let rightKeys = 0;
  for (const key in right) if (right[key] !== undefined && key !== ignoredKey) rightKeys++;
  return leftKeys === rightKeys;
}
