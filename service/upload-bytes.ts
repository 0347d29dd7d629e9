// Files arrive as base64 in JSON. Their size is judged from the base64 length
// before decoding, so that an oversized upload never takes its full size in memory twice.

/** The byte length a base64 string decodes to. */
export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

export function decodeBase64(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}

/** "20,5": megabytes with a Vietnamese decimal comma. */
export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace('.', ',');
}
