// The body schema's first step: STORY_LIMITS are measured (core/limits, a loop
// that never recurses) before zod walks the nodes, so a body nested 100,000
// levels deep is refused in 24 steps and zod's recursion through nested lists
// never goes deeper than the limit. A body within the limits then has every
// string in its stored form: well-formed (a lone surrogate becomes U+FFFD) and NFC.
import type { z } from 'zod';
import { measureBody } from '../limits';
import { toStoredText } from '../text';

/** Copy-on-write: a body already in its stored form (nearly all of them) comes back as it was. */
function withStoredStrings(value: unknown): unknown {
  if (typeof value === 'string') return toStoredText(value);
  if (value === null || typeof value !== 'object') return value;
  // Recursion is safe here: the body has passed the depth limit.
  if (Array.isArray(value)) {
    const items = value.map(withStoredStrings);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  const entries = Object.entries(value);
  const repaired = entries.map(([key, child]) => [key, withStoredStrings(child)] as const);
  return repaired.some(([, child], i) => child !== entries[i]?.[1]) ? Object.fromEntries(repaired) : value;
}

/** For z.preprocess: refuses a body over STORY_LIMITS (which stops the schema), else repairs its strings. */
export function limitBody(value: unknown, ctx: z.RefinementCtx): unknown {
  const { issues } = measureBody(value);
  for (const message of issues) ctx.addIssue({ code: 'custom', message, input: value });
  return issues.length > 0 ? value : withStoredStrings(value);
}
