import type { RankedDoc } from "./lexical-index.js";

/** One round of the held-out check: the corpus without some variants, and those variants as questions. */
export interface HoldoutFold {
  readonly docs: readonly RankedDoc[];
  readonly queries: readonly { readonly text: string; readonly faqId: string }[];
}

/** How often a ranking put the FAQ a held-out variant came from first, and in the first three. */
export interface HoldoutScore {
  readonly n: number;
  readonly top1: number;
  readonly top3: number;
}

/**
 * Fold k takes the k-th variant out of every FAQ that has one and asks each of them as a question.
 * Variants are labeled paraphrases, so this measures ranking without the test set. Every FAQ loses
 * a variant at once: taking one out of its own FAQ only (exact leave-one-out) makes the right FAQ
 * the one with a shorter variant field, which cost 3.2 points of top-1 that a real question never
 * pays, and a reranker trained that way learned to distrust variants. It is also one index build
 * per fold instead of one per variant.
 */
export function variantFolds(docs: readonly RankedDoc[]): HoldoutFold[] {
  const folds = Math.max(0, ...docs.map((d) => d.variants.length));
  return Array.from({ length: folds }, (_, k) => ({
    docs: docs.map((d) => ({ ...d, variants: d.variants.filter((_, i) => i !== k) })),
    queries: docs.flatMap((d) => {
      const text = d.variants[k];
      return text === undefined ? [] : [{ text, faqId: d.id }];
    }),
  }));
}

/** Scores a ranking on the folds; `ranker` builds a ranking over a corpus and returns FAQ ids, best first. */
export function scoreHoldout(
  folds: readonly HoldoutFold[],
  ranker: (docs: readonly RankedDoc[]) => (query: string) => readonly string[],
): HoldoutScore {
  let n = 0;
  let top1 = 0;
  let top3 = 0;
  for (const fold of folds) {
    const rank = ranker(fold.docs);
    for (const q of fold.queries) {
      const ids = rank(q.text);
      n++;
      if (ids[0] === q.faqId) top1++;
      if (ids.slice(0, 3).includes(q.faqId)) top3++;
    }
  }
  return { n, top1: n ? top1 / n : 0, top3: n ? top3 / n : 0 };
}
