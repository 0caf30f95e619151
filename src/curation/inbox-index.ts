import { createHash } from "node:crypto";
import { foldWords } from "../core/index.js";
import type { QuestionGroup, QuestionSample } from "./group-questions.js";

/** Bounds of the inbox's memory and work, whatever citizens (or anyone) send. */
export interface InboxLimits {
  /** Distinct phrasings kept; past it, the oldest asked-once phrasing makes room. */
  readonly maxPhrasings: number;
  /** Largest groups returned by `groups()`. */
  readonly maxGroups: number;
  /** A word in more group representatives than this is too common to find candidates by. */
  readonly commonWord: number;
}

export const DEFAULT_INBOX_LIMITS: InboxLimits = { maxPhrasings: 5000, maxGroups: 300, commonWord: 400 };

/** Filler syllables that say nothing about the question. */
const FILLERS = new Set(
  "a ah ak oi nhe nha vay thi la ma voi cho toi minh em ban ad shop".split(" ").filter(Boolean),
);

/** The hash of folded words: identical questions, accents and punctuation aside, share it. */
export const foldedHash = (key: string) => createHash("sha256").update(key).digest("hex").slice(0, 32);

const accents = (text: string) => text.normalize("NFD").replace(/[^\p{M}đĐ]/gu, "").length;

/** The words a question is compared by (fillers dropped unless nothing else is left). */
export function questionTokens(key: string): Set<string> {
  const words = key.split(" ").filter((w) => w && !FILLERS.has(w));
  return new Set(words.length ? words : key.split(" "));
}

/** Jaccard similarity of two token sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 0;
}

interface Phrasing {
  readonly key: string;
  readonly hash: string;
  text: string;
  normalized: string | undefined;
  count: number;
  firstAt: string;
  lastAt: string;
  readonly kinds: Record<string, number>;
  readonly topics: Record<string, number>;
  group: Group;
}

interface Group {
  readonly seq: number;
  readonly id: string;
  readonly tokens: Set<string>;
  readonly members: Set<Phrasing>;
  /** The representative (earliest phrasing); kept as the group's question even once it leaves. */
  readonly rep: Phrasing;
}

/**
 * Unanswered questions grouped as they arrive: each new phrasing is compared only with the group
 * representatives that share a not-too-common word with it (an inverted index), so adding one costs
 * a bounded amount of work, and at most `maxPhrasings` phrasings are held, so memory is bounded too.
 * A group's id is the hash of its representative, so it stays stable as questions join it.
 */
export class InboxIndex {
  readonly #threshold: number;
  readonly #limits: InboxLimits;
  readonly #phrasings = new Map<string, Phrasing>();
  readonly #byHash = new Map<string, Phrasing>();
  /** Phrasings asked once, oldest first: the first to make room. */
  readonly #once = new Set<Phrasing>();
  readonly #postings = new Map<string, Set<Group>>();
  readonly #groups = new Set<Group>();
  readonly #handled = new Set<string>();
  #seq = 0;
  #dropped = 0;
  #cached: QuestionGroup[] | undefined;

  constructor(threshold = 0.5, limits: Partial<InboxLimits> = {}) {
    this.#threshold = threshold;
    this.#limits = { ...DEFAULT_INBOX_LIMITS, ...limits };
  }

  /** Phrasings let go to stay within `maxPhrasings` (the inbox says so). */
  get dropped(): number {
    return this.#dropped;
  }

  /** How many distinct phrasings are held. */
  get size(): number {
    return this.#phrasings.size;
  }

  add(sample: QuestionSample): void {
    // Grouped on what was searched: "ko" and "không" are one question.
    const key = foldWords(sample.normalized ?? sample.text);
    if (!key) return;
    let p = this.#phrasings.get(key);
    if (!p) {
      const hash = foldedHash(key);
      if (this.#handled.has(hash)) return;
      if (this.#phrasings.size >= this.#limits.maxPhrasings) this.#makeRoom();
      p = this.#place(key, hash, sample);
    } else if (p.count === 1) {
      this.#once.delete(p);
    }
    p.count++;
    if (sample.at < p.firstAt) p.firstAt = sample.at;
    if (sample.at >= p.lastAt) p.lastAt = sample.at;
    // Show the phrasing with its diacritics when someone typed them.
    if (accents(sample.text) > accents(p.text)) {
      p.text = sample.text;
      p.normalized = sample.normalized;
    }
    p.kinds[sample.kind] = (p.kinds[sample.kind] ?? 0) + 1;
    if (sample.topic) p.topics[sample.topic] = (p.topics[sample.topic] ?? 0) + 1;
    this.#cached = undefined;
  }

  /** Phrasings a curator handled (hashes of folded text): removed, and never counted again. */
  handle(hashes: Iterable<string>): void {
    for (const hash of hashes) {
      if (this.#handled.has(hash)) continue;
      this.#handled.add(hash);
      const p = this.#byHash.get(hash);
      if (p) this.#remove(p);
    }
  }

  /** How many handled hashes are known (to tell when another instance handled more). */
  get handledCount(): number {
    return this.#handled.size;
  }

  /** Open groups, largest first, at most `maxGroups`. */
  groups(): QuestionGroup[] {
    this.#cached ??= this.#build();
    return this.#cached;
  }

  #place(key: string, hash: string, sample: QuestionSample): Phrasing {
    const tokens = questionTokens(key);
    const p: Phrasing = {
      key,
      hash,
      text: sample.text,
      normalized: sample.normalized,
      count: 0,
      firstAt: sample.at,
      lastAt: sample.at,
      kinds: {},
      topics: {},
      group: undefined as unknown as Group,
    };
    const group = this.#bestGroup(tokens) ?? this.#newGroup(p, tokens);
    p.group = group;
    group.members.add(p);
    this.#phrasings.set(key, p);
    this.#byHash.set(hash, p);
    this.#once.add(p);
    return p;
  }

  #bestGroup(tokens: Set<string>): Group | undefined {
    const candidates = new Set<Group>();
    for (const t of tokens) {
      const posting = this.#postings.get(t);
      if (posting && posting.size <= this.#limits.commonWord) for (const g of posting) candidates.add(g);
    }
    // The closest representative; among equals the oldest group, so ids do not move.
    let best: Group | undefined;
    let bestScore = 0;
    for (const g of candidates) {
      const score = jaccard(tokens, g.tokens);
      if (score < this.#threshold) continue;
      if (!best || score > bestScore || (score === bestScore && g.seq < best.seq)) {
        best = g;
        bestScore = score;
      }
    }
    return best;
  }

  #newGroup(rep: Phrasing, tokens: Set<string>): Group {
    const group: Group = { seq: this.#seq++, id: rep.hash.slice(0, 16), tokens, members: new Set(), rep };
    this.#groups.add(group);
    for (const t of tokens) {
      let posting = this.#postings.get(t);
      if (!posting) {
        posting = new Set();
        this.#postings.set(t, posting);
      }
      posting.add(group);
    }
    return group;
  }

  #makeRoom(): void {
    let victim: Phrasing | undefined = this.#once.values().next().value;
    if (!victim) {
      for (const p of this.#phrasings.values())
        if (!victim || p.count < victim.count || (p.count === victim.count && p.lastAt < victim.lastAt))
          victim = p;
    }
    if (!victim) return;
    this.#remove(victim);
    this.#dropped++;
  }

  #remove(p: Phrasing): void {
    this.#phrasings.delete(p.key);
    this.#byHash.delete(p.hash);
    this.#once.delete(p);
    const group = p.group;
    group.members.delete(p);
    if (group.members.size === 0) {
      this.#groups.delete(group);
      for (const t of group.tokens) {
        const posting = this.#postings.get(t);
        posting?.delete(group);
        if (posting?.size === 0) this.#postings.delete(t);
      }
    }
    this.#cached = undefined;
  }

  #build(): QuestionGroup[] {
    const totals = [...this.#groups].map((g) => {
      let count = 0;
      let lastAt = "";
      for (const m of g.members) {
        count += m.count;
        if (m.lastAt > lastAt) lastAt = m.lastAt;
      }
      return { g, count, lastAt };
    });
    totals.sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.g.seq - b.g.seq);
    return totals.slice(0, this.#limits.maxGroups).map(({ g, count }) => {
      const members = [...g.members].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
      const kinds: Record<string, number> = {};
      const topics: Record<string, number> = {};
      const ats: string[] = [];
      for (const m of members) {
        for (const [k, n] of Object.entries(m.kinds)) kinds[k] = (kinds[k] ?? 0) + n;
        for (const [k, n] of Object.entries(m.topics)) topics[k] = (topics[k] ?? 0) + n;
        ats.push(m.firstAt, m.lastAt);
      }
      ats.sort();
      const topic = Object.entries(topics).sort((a, b) => b[1] - a[1])[0]?.[0];
      return {
        id: g.id,
        question: g.rep.text,
        ...(g.rep.normalized && g.rep.normalized !== g.rep.text.toLowerCase()
          ? { questionHint: g.rep.normalized }
          : {}),
        samples: members.slice(0, 5).map((m) => m.text),
        count,
        firstAt: ats[0] ?? g.rep.firstAt,
        lastAt: ats.at(-1) ?? g.rep.lastAt,
        kinds,
        ...(topic ? { topic } : {}),
        sampleHashes: members.map((m) => m.hash),
      };
    });
  }
}
