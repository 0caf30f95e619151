import { foldWords } from "../core/index.js";
import { foldedHash, InboxIndex } from "./inbox-index.js";

export { jaccard } from "./inbox-index.js";

/** One unanswered question as read from the usage stream (sample already scrubbed by the engine). */
export interface QuestionSample {
  readonly at: string;
  /** What the citizen typed (scrubbed). */
  readonly text: string;
  /** The text as searched (normalized), when it differs: similar questions are grouped on it. */
  readonly normalized?: string;
  readonly kind: string;
  readonly topic?: string;
}

/** Similar unanswered questions, with the earliest phrasing as representative. */
export interface QuestionGroup {
  /** Stable while the representative stays in the stream: a hash of its folded text. */
  readonly id: string;
  readonly question: string;
  /** The question as the assistant searched it (abbreviations spelled out…), when that differs. */
  readonly questionHint?: string;
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

/** The hash of a question's folded words: identical questions, accents and punctuation aside, share it. */
export function sampleHash(text: string): string {
  return foldedHash(foldWords(text));
}

/**
 * Groups questions whose folded syllable sets have Jaccard similarity ≥ threshold with a group's
 * representative (its earliest phrasing), so a group keeps its id as new questions arrive. The
 * inbox does the same one event at a time ({@link InboxIndex}); this is the batch form.
 */
export function groupQuestions(samples: readonly QuestionSample[], threshold = 0.5): QuestionGroup[] {
  const index = new InboxIndex(threshold, {
    maxPhrasings: Number.POSITIVE_INFINITY,
    maxGroups: Number.POSITIVE_INFINITY,
  });
  const byTime = [...samples].sort((a, b) => a.at.localeCompare(b.at));
  for (const s of byTime) index.add(s);
  return index.groups();
}
