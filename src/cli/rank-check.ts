// `npm run rank-check`: ranking measured on the corpus alone, with held-out variants as questions
// (src/search/variant-holdout.ts), so ranking changes can be chosen without looking at the test set.
import path from "node:path";
import { loadFaqs } from "../content/index.js";
import { toFaqDocument, toRankedDoc } from "../search/faq-document.js";
import { LexicalIndex, type RankedDoc } from "../search/lexical-index.js";
import { scoreHoldout, variantFolds } from "../search/variant-holdout.js";

const dir = path.resolve(process.argv[2] ?? "content");
const { faqs } = await loadFaqs(dir);
const docs: RankedDoc[] = faqs
  .filter((f) => f.status === "published")
  .map((f) => toRankedDoc(toFaqDocument(f)));
const started = Date.now();
const folds = variantFolds(docs);
const score = scoreHoldout(folds, (corpus) => {
  const index = LexicalIndex.build(corpus);
  return (q) => index.search(q, 3).map((h) => h.faqId);
});
const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
process.stdout.write(
  `held-out variants: ${score.n} over ${docs.length} FAQs in ${folds.length} folds, ${Date.now() - started} ms\n` +
    `top-1 ${pct(score.top1)}  top-3 ${pct(score.top3)}\n`,
);
