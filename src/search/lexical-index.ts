import { foldWords } from "../core/index.js";

/** A phrase of a FAQ: its question, a variant, its tags, or (kind "answer") its answer text. */
export interface Phrase {
  readonly faqId: string;
  readonly text: string;
  readonly kind?: "phrase" | "answer";
}

/** Tuning knobs, calibrated with `npm run eval`. */
export interface LexicalOptions {
  /** How much the answer text's coverage of the query adds to a FAQ's score. */
  readonly answerWeight: number;
  /** Exponent on phrase coverage for long queries (short ones use 0.5). */
  readonly longAlpha: number;
  /** Words a query needs to count as long (a story). */
  readonly longWords: number;
  /** Weight of a word pair relative to the mean of its two words. */
  readonly pairWeight: number;
  /** Folded words that carry no meaning here (from index-config/stop-words.json). */
  readonly stopWords: ReadonlySet<string>;
}

export const DEFAULT_LEXICAL_OPTIONS: LexicalOptions = {
  answerWeight: 0.3,
  longAlpha: 0.8,
  longWords: 14,
  pairWeight: 1,
  stopWords: new Set(),
};

export function tokens(text: string, stopWords: ReadonlySet<string> = new Set()): string[] {
  return foldWords(text)
    .split(" ")
    .filter((w) => w && !stopWords.has(w));
}

/** Words plus adjacent pairs ("ly_hon"): Vietnamese words are often two syllables. */
function units(words: readonly string[]): string[] {
  const out = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]}_${words[i + 1]}`);
  return [...out];
}

/**
 * An in-memory IDF-weighted word-overlap index over every question, variant and answer of the
 * corpus. A FAQ's score is the best score of its phrases (the geometric mean of how much of the
 * phrase and of the query the shared words cover; long queries, mostly context, lean on phrase
 * coverage) plus a share of how much of the query its answer covers. It is rebuilt from the
 * search index, so it holds nothing that matters.
 */
export class LexicalIndex {
  readonly #postings = new Map<string, number[]>();
  readonly #weight: number[] = [];
  readonly #faq: string[] = [];
  readonly #isAnswer: boolean[] = [];
  readonly #idf = new Map<string, number>();
  readonly #count: number;

  constructor(
    phrases: readonly Phrase[],
    private readonly options: LexicalOptions = DEFAULT_LEXICAL_OPTIONS,
  ) {
    const asked = phrases.filter((p) => p.kind !== "answer");
    this.#count = asked.length;
    const all = phrases.map((p) => units(tokens(p.text, options.stopWords)));
    const df = new Map<string, number>();
    phrases.forEach((p, i) => {
      if (p.kind === "answer") return;
      for (const u of all[i] ?? []) if (!u.includes("_")) df.set(u, (df.get(u) ?? 0) + 1);
    });
    for (const [w, n] of df) this.#idf.set(w, Math.log(1 + this.#count / n));
    all.forEach((us, i) => {
      this.#faq.push(phrases[i]?.faqId ?? "");
      this.#isAnswer.push(phrases[i]?.kind === "answer");
      let total = 0;
      for (const u of us) {
        total += this.weight(u);
        const list = this.#postings.get(u);
        if (list) list.push(i);
        else this.#postings.set(u, [i]);
      }
      this.#weight.push(total);
    });
  }

  /** Weight of a unit: IDF of a word (rare words weigh more); a pair weighs its words' mean times pairWeight. */
  weight(unit: string): number {
    const sep = unit.indexOf("_");
    if (sep === -1) return this.#idf.get(unit) ?? Math.log(1 + this.#count);
    return (
      0.5 * this.options.pairWeight * (this.weight(unit.slice(0, sep)) + this.weight(unit.slice(sep + 1)))
    );
  }

  /** The best-scoring FAQs for a query, best first (scores are comparable across queries, about 0..1). */
  search(query: string, limit: number): { faqId: string; score: number }[] {
    const words = tokens(query, this.options.stopWords);
    const qs = units(words);
    if (!qs.length) return [];
    let qTotal = 0;
    const shared = new Map<number, number>();
    for (const u of qs) {
      const w = this.weight(u);
      qTotal += w;
      for (const p of this.#postings.get(u) ?? []) shared.set(p, (shared.get(p) ?? 0) + w);
    }
    const alpha = words.length > this.options.longWords ? this.options.longAlpha : 0.5;
    const best = new Map<string, number>();
    const answer = new Map<string, number>();
    for (const [p, s] of shared) {
      const id = this.#faq[p] ?? "";
      if (this.#isAnswer[p]) {
        answer.set(id, s / qTotal);
        continue;
      }
      const score = (s / (this.#weight[p] ?? 1)) ** alpha * (s / qTotal) ** (1 - alpha);
      if (score > (best.get(id) ?? 0)) best.set(id, score);
    }
    const k = this.options.answerWeight;
    const scored = [...new Set([...best.keys(), ...answer.keys()])].map((faqId) => ({
      faqId,
      score: (1 - k) * (best.get(faqId) ?? 0) + k * (answer.get(faqId) ?? 0),
    }));
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
