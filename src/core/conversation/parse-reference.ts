import { foldWords } from "../text/fold.js";

/** A message that points at something listed before: a position (1-based) or the last item. */
export type Reference = { readonly index: number } | { readonly last: true };

const ORDINALS: Record<string, number> = {
  mot: 1,
  nhat: 1,
  dau: 1,
  "dau tien": 1,
  hai: 2,
  nhi: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
};
/** Words that say "the item" before a number: "số 2", "câu thứ hai", "cái đầu tiên", "chọn ý 3". */
const LEAD =
  "(?:(?:toi|em|minh|anh|chi|con|chau|cho|xin|muon|hoi|xem|chon|lay|so|cau|cai|y|muc|phuong an|lua chon|truong hop|thu)\\s+)*";
/** Courtesy after it: "ạ", "nhé", "đi", "ở trên". */
const TAIL = "(?:\\s+(?:a|nhe|nha|nhen|di|ha|o tren|ben tren|tren|do|day|voi|thoi))*";
const DIGITS = new RegExp(`^${LEAD}(\\d{1,4})[.)]?${TAIL}$`);
const WORDS = new RegExp(
  `^${LEAD}(?:(cai|cau|so|y|muc|phuong an|lua chon|truong hop|thu)\\s+)(?:thu\\s+)?(${Object.keys(ORDINALS)
    .sort((a, b) => b.length - a.length)
    .join("|")}|cuoi|cuoi cung|sau cung)${TAIL}$`,
);

/**
 * Reads "2", "số 2", "câu 2 ạ", "cái thứ hai", "thứ 3", "cái đầu tiên", "câu cuối" as a reference to
 * an item of a list shown before; undefined for anything else. Word numbers need a word before them
 * ("cái", "câu", "thứ", …): a bare "ba" or "năm" is a word, not a choice. Digits alone always
 * refer (a lone "2" is never a question worth searching), even when out of range.
 */
export function parseReference(normalized: string): Reference | undefined {
  const folded = foldWords(normalized);
  if (!folded || folded.split(" ").length > 8) return undefined;
  const digits = DIGITS.exec(folded);
  if (digits?.[1]) return { index: Number(digits[1]) };
  const words = WORDS.exec(folded);
  const word = words?.[2];
  if (!word) return undefined;
  if (word.startsWith("cuoi") || word === "sau cung") return { last: true };
  const index = ORDINALS[word];
  return index ? { index } : undefined;
}
