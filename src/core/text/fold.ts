/** Lowercases and removes Vietnamese diacritics (đ → d), for accent-insensitive comparison. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
}

/** Folds and reduces to words separated by single spaces (no punctuation). */
export function foldWords(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
