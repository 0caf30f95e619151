import { foldWords } from "../core/index.js";

/** The searchable text of one FAQ, already normalized. */
export interface RankedDoc {
  readonly id: string;
  readonly question: string;
  readonly variants: readonly string[];
  readonly tags: readonly string[];
  readonly answer: string;
}

/** BM25 parameters and field weights, calibrated with `npm run eval` (see index-config/README.md). */
export interface LexicalOptions {
  readonly k1: number;
  readonly b: number;
  readonly questionWeight: number;
  readonly variantWeight: number;
  readonly tagWeight: number;
  readonly answerWeight: number;
}

export const DEFAULT_LEXICAL_OPTIONS: LexicalOptions = {
  k1: 2,
  b: 0.75,
  questionWeight: 2,
  variantWeight: 1,
  tagWeight: 1,
  answerWeight: 0.5,
};

/** Folded words plus adjacent pairs ("ly_hon"): Vietnamese words are often two syllables. */
export function units(text: string): string[] {
  const words = foldWords(text).split(" ").filter(Boolean);
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}`);
  // Accented words also count as themselves, so "bóng đá" prefers bóng over bỏng when the accents are there.
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w && w !== foldWords(w)) out.push(`~${w}`);
  return out;
}

/**
 * BM25 over whole FAQs (question, variants, tags and answer with field weights), on folded
 * words and word pairs, so accents, word order and long stories are handled alike. Scores are
 * divided by the query's upper bound, so they fall in 0..1 and thresholds carry across queries.
 * Built from a snapshot of the search index: it holds nothing that matters.
 */
export class LexicalIndex {
  readonly #postings = new Map<string, { doc: number; tf: number }[]>();
  readonly #length: number[] = [];
  readonly #ids: string[] = [];
  readonly #words: Set<string>[] = [];
  readonly #avgLength: number;

  constructor(
    docs: readonly RankedDoc[],
    private readonly options: LexicalOptions = DEFAULT_LEXICAL_OPTIONS,
  ) {
    docs.forEach((d, i) => {
      const tf = new Map<string, number>();
      const add = (text: string, weight: number) => {
        for (const u of units(text)) tf.set(u, (tf.get(u) ?? 0) + weight);
      };
      add(d.question, options.questionWeight);
      for (const v of d.variants) add(v, options.variantWeight);
      add(d.tags.join(" . "), options.tagWeight);
      add(d.answer, options.answerWeight);
      let length = 0;
      for (const [u, f] of tf) {
        length += f;
        const list = this.#postings.get(u);
        if (list) list.push({ doc: i, tf: f });
        else this.#postings.set(u, [{ doc: i, tf: f }]);
      }
      this.#ids.push(d.id);
      this.#length.push(length);
      this.#words.push(new Set([...tf.keys()].filter((u) => !u.includes("_") && !u.startsWith("~"))));
    });
    this.#avgLength = this.#length.reduce((s, l) => s + l, 0) / Math.max(1, docs.length);
  }

  #idf(unit: string): number {
    const n = this.#ids.length;
    const df = this.#postings.get(unit)?.length ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The best FAQs for a query, best first. `score` is BM25 over the query's upper bound (0..1);
   * `coverage` is the IDF-weighted share of the query's words that the FAQ contains at all (0..1),
   * low when the question is about something the FAQ never mentions.
   */
  search(query: string, limit: number): { faqId: string; score: number; coverage: number }[] {
    const { k1, b } = this.options;
    const scores = new Map<number, number>();
    let bound = 0;
    const queryUnits = new Set(units(query));
    for (const u of queryUnits) {
      const idf = this.#idf(u);
      bound += idf * (k1 + 1);
      for (const { doc, tf } of this.#postings.get(u) ?? []) {
        const norm = tf + k1 * (1 - b + (b * (this.#length[doc] ?? 0)) / this.#avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / norm);
      }
    }
    if (!bound) return [];
    const words = [...queryUnits].filter((u) => !u.includes("_") && !u.startsWith("~"));
    const wordWeight = words.reduce((sum, w) => sum + this.#idf(w), 0) || 1;
    return [...scores]
      .sort((x, y) => y[1] - x[1])
      .slice(0, limit)
      .map(([doc, s]) => ({
        faqId: this.#ids[doc] ?? "",
        score: s / bound,
        coverage:
          words.filter((w) => this.#words[doc]?.has(w)).reduce((sum, w) => sum + this.#idf(w), 0) /
          wordWeight,
      }));
  }
}
