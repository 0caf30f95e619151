import { createHash } from "node:crypto";
import { foldWords } from "../core/index.js";

/** One unanswered question as read from the usage stream (sample already scrubbed by the engine). */
export interface QuestionSample {
  readonly at: string;
  readonly text: string;
  readonly kind: string;
  readonly topic?: string;
}

/** Similar unanswered questions, with the earliest phrasing as representative. */
export interface QuestionGroup {
  /** Stable while the representative stays in the stream: a hash of its folded text. */
  readonly id: string;
  readonly question: string;
  /** Distinct phrasings, most frequent first (at most 5). */
  readonly samples: readonly string[];
  readonly count: number;
  readonly firstAt: string;
  readonly lastAt: string;
  readonly kinds: Readonly<Record<string, number>>;
  readonly topic?: string;
  /** Hashes of every folded phrasing in the group (what "handled" stores). */
  readonly sampleHashes: readonly string[];
}

/** Filler syllables that say nothing about the question. */
const FILLERS = new Set([
  "a",
  "ah",
  "ak",
  "oi",
  "nhe",
  "nha",
  "vay",
  "thi",
  "la",
  "ma",
  "voi",
  "cho",
  "toi",
  "minh",
  "em",
  "ban",
  "ad",
  "shop",
]);

/** The hash of a question's folded words: identical questions, accents and punctuation aside, share it. */
export function sampleHash(text: string): string {
  return createHash("sha256").update(foldWords(text)).digest("hex").slice(0, 32);
}

const accents = (text: string) => text.normalize("NFD").replace(/[^\p{M}đĐ]/gu, "").length;

function tokens(key: string): Set<string> {
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
  key: string;
  text: string;
  count: number;
  firstAt: string;
  lastAt: string;
  kinds: Record<string, number>;
  topics: Record<string, number>;
}

/**
 * Groups questions whose folded syllable sets have Jaccard similarity ≥ threshold with a group's
 * representative (its earliest phrasing), so a group keeps its id as new questions arrive.
 */
export function groupQuestions(samples: readonly QuestionSample[], threshold = 0.5): QuestionGroup[] {
  const phrasings = new Map<string, Phrasing>();
  for (const s of samples) {
    const key = foldWords(s.text);
    if (!key) continue;
    let p = phrasings.get(key);
    if (!p) {
      p = { key, text: s.text, count: 0, firstAt: s.at, lastAt: s.at, kinds: {}, topics: {} };
      phrasings.set(key, p);
    }
    p.count++;
    if (s.at < p.firstAt) p.firstAt = s.at;
    if (s.at >= p.lastAt) p.lastAt = s.at;
    // Show the phrasing with its diacritics when someone typed them.
    if (accents(s.text) > accents(p.text)) p.text = s.text;
    p.kinds[s.kind] = (p.kinds[s.kind] ?? 0) + 1;
    if (s.topic) p.topics[s.topic] = (p.topics[s.topic] ?? 0) + 1;
  }
  const ordered = [...phrasings.values()].sort(
    (a, b) => a.firstAt.localeCompare(b.firstAt) || a.key.localeCompare(b.key),
  );
  const groups: { rep: Phrasing; repTokens: Set<string>; members: Phrasing[] }[] = [];
  for (const p of ordered) {
    const own = tokens(p.key);
    let best: (typeof groups)[number] | undefined;
    let bestScore = threshold;
    for (const g of groups) {
      const score = jaccard(own, g.repTokens);
      if (score >= bestScore && (!best || score > bestScore)) {
        best = g;
        bestScore = score;
      }
    }
    if (best) best.members.push(p);
    else groups.push({ rep: p, repTokens: own, members: [p] });
  }
  return groups
    .map(({ rep, members }) => {
      const byCount = [...members].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
      const kinds: Record<string, number> = {};
      const topics: Record<string, number> = {};
      for (const m of members) {
        for (const [k, n] of Object.entries(m.kinds)) kinds[k] = (kinds[k] ?? 0) + n;
        for (const [k, n] of Object.entries(m.topics)) topics[k] = (topics[k] ?? 0) + n;
      }
      const ats = members.flatMap((m) => [m.firstAt, m.lastAt]).sort();
      const topic = Object.entries(topics).sort((a, b) => b[1] - a[1])[0]?.[0];
      return {
        id: sampleHash(rep.key).slice(0, 16),
        question: rep.text,
        samples: byCount.slice(0, 5).map((m) => m.text),
        count: members.reduce((n, m) => n + m.count, 0),
        firstAt: ats[0] ?? rep.firstAt,
        lastAt: ats.at(-1) ?? rep.lastAt,
        kinds,
        ...(topic ? { topic } : {}),
        sampleHashes: members.map((m) => sampleHash(m.key)),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}
