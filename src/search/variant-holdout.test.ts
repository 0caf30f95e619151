import { describe, expect, it } from "vitest";
import { rankedDoc } from "../../test/support/ranked-doc.js";
import { LexicalIndex } from "./lexical-index.js";
import { scoreHoldout, variantFolds } from "./variant-holdout.js";

const doc = rankedDoc;

describe("variantFolds", () => {
  const docs = [doc("a", "ly hôn", ["ly dị", "bỏ chồng"]), doc("b", "khai sinh", ["làm giấy khai sinh"])];

  it("takes the k-th variant out of every FAQ at once and asks it", () => {
    const folds = variantFolds(docs);
    expect(folds).toHaveLength(2);
    expect(folds[0]?.docs.map((d) => d.variants)).toEqual([["bỏ chồng"], []]);
    expect(folds[0]?.queries).toEqual([
      { text: "ly dị", faqId: "a" },
      { text: "làm giấy khai sinh", faqId: "b" },
    ]);
    // A FAQ with fewer variants keeps them all in the later folds and asks nothing there.
    expect(folds[1]?.docs.map((d) => d.variants)).toEqual([["ly dị"], ["làm giấy khai sinh"]]);
    expect(folds[1]?.queries).toEqual([{ text: "bỏ chồng", faqId: "a" }]);
  });

  it("has no folds without variants", () => {
    expect(variantFolds([doc("a", "x", [])])).toEqual([]);
  });
});

describe("scoreHoldout", () => {
  it("counts first and first-three places", () => {
    const folds = [
      {
        docs: [],
        queries: [
          { text: "q1", faqId: "a" },
          { text: "q2", faqId: "b" },
          { text: "q3", faqId: "c" },
        ],
      },
    ];
    const answers: Record<string, string[]> = {
      q1: ["a", "b"],
      q2: ["a", "c", "b"],
      q3: ["a", "b", "x", "c"],
    };
    const score = scoreHoldout(folds, () => (q) => answers[q] ?? []);
    expect(score).toEqual({ n: 3, top1: 1 / 3, top3: 2 / 3 });
  });

  it("ranks held-out variants with the BM25 index", () => {
    const corpus = [
      doc("ly-hon", "thủ tục ly hôn", ["ly hôn đơn phương", "ly hôn thuận tình"]),
      doc("khai-sinh", "đăng ký khai sinh", ["khai sinh cho con", "làm khai sinh ở đâu"]),
    ];
    const score = scoreHoldout(variantFolds(corpus), (docs) => {
      const index = LexicalIndex.build(docs);
      return (q) => index.search(q, 3).map((h) => h.faqId);
    });
    expect(score).toEqual({ n: 4, top1: 1, top3: 1 });
  });
});
