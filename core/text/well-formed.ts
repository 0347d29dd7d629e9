// Half an emoji (a lone UTF-16 surrogate) is not text: PostgreSQL refuses it in
// JSON, UTF-8 cannot encode it, and every encoder turns it into U+FFFD anyway.
// It gets in by cutting a string in the middle of a pair (a slice, a paste, a
// bad import), so it is repaired where text enters, the same way everywhere.

// In a /u pattern a well-formed pair is one code point, so this range matches lone halves only.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

type WellFormedString = { isWellFormed(): boolean; toWellFormed(): string };
const native = typeof (String.prototype as Partial<WellFormedString>).toWellFormed === 'function';

/** toWellFormed for engines without String.prototype.toWellFormed (Node < 20, older browsers). */
export function repairLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD');
}

/** True when the string has no lone surrogate. */
export function isWellFormed(text: string): boolean {
  return native ? (text as unknown as WellFormedString).isWellFormed() : !LONE_SURROGATE.test(text);
}

/** The string with every lone surrogate replaced by U+FFFD. */
export function toWellFormed(text: string): string {
  return native ? (text as unknown as WellFormedString).toWellFormed() : repairLoneSurrogates(text);
}

/**
 * The form every stored string takes, on the desk and the server alike: well-formed
 * and NFC, so that "Hoà" typed in NFD and in NFC are one word everywhere. Unlike
 * normalizeText it keeps every character a writer typed (spaces, joiners, tabs).
 */
export function toStoredText(text: string): string {
  const wellFormed = isWellFormed(text) ? text : toWellFormed(text);
  return wellFormed.normalize('NFC');
}
