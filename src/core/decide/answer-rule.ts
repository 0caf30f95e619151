import type { FaqHit } from "../ports.js";

/** Calibrated decision thresholds (config; `npm run eval -- --calibrate` proposes them). */
export interface Thresholds {
  /** Lowest score of a FAQ answered at all. */
  readonly answerMinScore: number;
  /** Lead over the second FAQ above which the first is answered alone. */
  readonly answerMinGap: number;
  /** Lowest score of a FAQ offered as a choice. */
  readonly choicesMinScore: number;
  /** Lowest share of the question's words the answered FAQ must contain. */
  readonly answerMinCoverage: number;
  /**
   * Below the full lead, the first FAQ is still answered, with the runners-up offered after it,
   * when the second scores at most this share of the first. Absent: no answers with alternatives.
   */
  readonly alternativesMaxRatio?: number;
  /**
   * A near tie on score (second above `alternativesMaxRatio` × first) still counts as clearly ahead
   * when the first FAQ holds at least this much more of the question's words than the second
   * (coverage, 0..1): the second's score then comes from fewer, heavier words. Absent: never.
   */
  readonly alternativesCoverageLead?: number;
  /** Lowest share of the question's words a FAQ must contain to be offered as a choice. */
  readonly choicesMinCoverage?: number;
}

/** What the hits of one question call for. */
export type Decision =
  | { readonly kind: "answer"; readonly hit: FaqHit; readonly alternatives: readonly FaqHit[] }
  | { readonly kind: "choices"; readonly options: readonly FaqHit[] }
  | { readonly kind: "none" };

/** At most this many FAQs offered in choices or after an answer. */
export const MAX_CHOICES = 3;
/** Runners-up offered after an answer score at least this share of the first. */
const ALTERNATIVE_MIN_SHARE = 0.5;
/** Scores this close are a tie whatever the coverage: the citizen chooses. */
const TIE_RATIO = 0.95;

/**
 * The one answer rule, used by the engine and by `npm run eval -- --calibrate`: answer the first
 * FAQ alone when it leads by the full gap; answer it with the runners-up when it is clearly ahead
 * (on score, or near-tied on score and well ahead on the question's words) but not by the full gap;
 * otherwise offer the FAQs that share the question's words as choices;
 * otherwise nothing. Hits are best first, scores and coverage in 0..1.
 */
export function decideHits(hits: readonly FaqHit[], t: Thresholds): Decision {
  const [first, second] = hits;
  if (first && first.score >= t.answerMinScore && (first.coverage ?? 1) >= t.answerMinCoverage) {
    const next = second?.score ?? 0;
    if (first.score - next >= t.answerMinGap) return { kind: "answer", hit: first, alternatives: [] };
    const coverageLead = (first.coverage ?? 1) - (second?.coverage ?? 0);
    const ahead =
      t.alternativesMaxRatio !== undefined &&
      (next <= t.alternativesMaxRatio * first.score ||
        (t.alternativesCoverageLead !== undefined &&
          next <= TIE_RATIO * first.score &&
          coverageLead >= t.alternativesCoverageLead));
    if (ahead) {
      const alternatives = hits
        .slice(1, MAX_CHOICES)
        .filter((h) => h.score >= ALTERNATIVE_MIN_SHARE * first.score);
      return { kind: "answer", hit: first, alternatives };
    }
  }
  const options = relatedHits(hits, t).slice(0, MAX_CHOICES);
  return options.length ? { kind: "choices", options } : { kind: "none" };
}

/** Hits close enough to the question to be offered at all (as choices, or beside an emergency reply). */
export function relatedHits(hits: readonly FaqHit[], t: Thresholds): FaqHit[] {
  return hits.filter((h) => h.score >= t.choicesMinScore && (h.coverage ?? 1) >= (t.choicesMinCoverage ?? 0));
}
