import type { RankedDoc } from "../../src/search/lexical-index.js";

/** A FAQ as the ranking sees it, with only a question and variants (tests of the lexical index). */
export const rankedDoc = (id: string, question: string, variants: string[]): RankedDoc => ({
  id,
  question,
  variants,
  tags: [],
  answer: "",
});
