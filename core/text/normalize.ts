// Every string that enters Newsdesk passes through here first, so that search,
// slugs, spellcheck and merge all see one canonical form.
import { toWellFormed } from './well-formed';

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// C0 and C1 controls, except tab (\u0009) and newline (\u000A).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const NO_BREAK_SPACES = /[\u00A0\u2007\u202F]/g;

/** Well-formed (no lone surrogates), NFC, LF line endings, no zero-width or control characters, plain spaces. */
export function normalizeText(input: string): string {
  return toWellFormed(input)
    .replace(/\r\n?/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, '')
    .replace(NO_BREAK_SPACES, ' ')
    .normalize('NFC');
}
