// Limits are told to people in Vietnamese, with Vietnamese number formatting
// (20.000, 4 MB, 170,3 MB, 1,2 KB), the same way wherever a limit is met.

const counts = new Intl.NumberFormat('vi-VN');
const sizes = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return counts.format(n);
}

/** A size in MB, or in KB below one MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${sizes.format(bytes / 1024)} KB`;
  return `${sizes.format(bytes / (1024 * 1024))} MB`;
}

/** "Tít quá dài (tối đa 500 ký tự)": the one wording for a text field over its limit. */
export function tooLongMessage(label: string, maxChars: number): string {
  return `${label} quá dài (tối đa ${formatCount(maxChars)} ký tự)`;
}
