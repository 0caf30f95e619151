import { describe, expect, it } from "vitest";
import { rankedDoc } from "../../test/support/ranked-doc.js";
import { LexicalIndex } from "./lexical-index.js";

const INDEX = LexicalIndex.build([
  rankedDoc("bo-roi", "phát hiện trẻ bị bỏ rơi có phải báo không", []),
  rankedDoc("co-phan", "chuyển nhượng cổ phần cho người khác", []),
  rankedDoc("ly-hon", "thủ tục ly hôn đơn phương", []),
]);

/** Coverage of `faqId` for `query` (0 when the FAQ is not among the hits). */
const coverage = (query: string, faqId: string) =>
  INDEX.search(query, 5).find((h) => h.faqId === faqId)?.coverage ?? 0;

describe("coverage of the question's words", () => {
  it("is full when the FAQ holds every word of the question", () => {
    expect(coverage("trẻ bị bỏ rơi", "bo-roi")).toBe(1);
  });

  it("counts a word typed with its accents as that word, so cổ is not có", () => {
    expect(coverage("phát hiện cổ", "bo-roi")).toBeLessThan(0.8);
    expect(coverage("phát hiện cổ", "co-phan")).toBeGreaterThan(0);
  });

  it("matches a word typed without accents on its folded form", () => {
    expect(coverage("phat hien co", "bo-roi")).toBe(1);
  });

  it("takes an accent the corpus never uses as a typo and matches the folded word", () => {
    expect(coverage("trẻ bị bỏ rới", "bo-roi")).toBe(1);
  });

  it("counts a word the corpus does not know against every FAQ", () => {
    const withUnknown = coverage("trẻ bị bỏ rơi nghĩa trang", "bo-roi");
    expect(withUnknown).toBeLessThan(1);
    expect(withUnknown).toBeGreaterThan(0.5);
  });

  it("weighs an unknown word (a misspelling, or a matter the corpus lacks) no more than an ordinary word the FAQ lacks", () => {
    expect(coverage("trẻ bị bỏ rơi nghĩa", "bo-roi")).toBeGreaterThanOrEqual(
      coverage("trẻ bị bỏ rơi chuyển", "bo-roi"),
    );
  });

  it("ignores unknown words shorter than three letters and numbers", () => {
    expect(coverage("trẻ bị bỏ rơi ạ", "bo-roi")).toBe(1);
    expect(coverage("trẻ bị bỏ rơi năm 2025", "bo-roi")).toBeLessThan(1);
    expect(coverage("trẻ bị bỏ rơi 2025", "bo-roi")).toBe(1);
  });
});
