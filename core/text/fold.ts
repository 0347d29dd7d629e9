// Search and slugs compare letters, not marks: "Hai Bà Trưng", "hai ba trung"
// and "HAI BÀ TRƯNG" must meet. Unicode decomposition removes tone marks and
// the breve, circumflex and horn, but đ/Đ is its own letter, so it is mapped by hand.

const COMBINING_MARKS = /\p{M}/gu;

/** Lower case, with every tone mark and diacritic removed (đ → d included). */
export function foldForSearch(input: string): string {
  return input
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
