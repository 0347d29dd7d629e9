// The type of an image, judged by its first bytes rather than its name or what a
// client claims (a renamed HTML file must never be served back as an image): a file
// called "anh.jpg" may be anything, and only these four formats are shown by
// every browser the desk and the public site use.
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
/** The largest image a desk stores and the server takes, either way it travels. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export type ImageType = (typeof IMAGE_TYPES)[number];

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/** The image type the bytes announce, or null when they are not PNG, JPEG, GIF or WebP. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Bytes a desk may keep as an image: within MAX_IMAGE_BYTES and one of IMAGE_TYPES; otherwise why not, in words. */
export function checkImage(bytes: Uint8Array): { ok: true; mime: ImageType } | { ok: false; reason: string } {
  if (bytes.byteLength > MAX_IMAGE_BYTES) return { ok: false, reason: 'Ảnh quá lớn: giới hạn là 10 MB' };
  const mime = sniffImageType(bytes);
  if (mime === null) return { ok: false, reason: 'Tệp không phải là ảnh (chỉ nhận PNG, JPEG, GIF, WebP)' };
  return { ok: true, mime };
}
