import { accepts, type EvalOutcome } from "./run-eval.js";

/** One point of the threshold grid and what it would do on the labeled set. */
export interface CalibrationPoint {
  readonly answerMinScore: number;
  readonly answerMinGap: number;
  /** Share of in-scope questions answered with the right FAQ. */
  readonly correct: number;
  /** Share of confident answers that would be wrong (in-scope wrong FAQ, or out-of-scope answered). */
  readonly wrong: number;
}

const searched = (o: EvalOutcome) => o.scores.length > 0;
/** Whether the engine decided this question by the thresholds (not earlier, by an intent or a safety rule). */
const reachedGate = (o: EvalOutcome) =>
  o.kind === "answer" ||
  o.kind === "choices" ||
  (o.kind === "fallback" && o.intent === "no-match") ||
  (o.kind === "escalate" && o.intent === "long-story");

/**
 * Searches the grid of answer thresholds for the one answering the most in-scope questions
 * correctly while keeping wrong confident answers at or under `maxWrong`; and the lowest
 * choices threshold that keeps at least `oosFallback` of out-of-scope questions at fallback.
 * The gate is the engine's: score, gap to the second, and the coverage floor (fixed, from config).
 * Out-of-scope questions the engine routed before search (to fallback or a person) count as it did.
 */
export function calibrate(
  outcomes: readonly EvalOutcome[],
  options: {
    maxWrong?: number;
    oosFallback?: number;
    minCoverage?: number;
    current?: { score: number; gap: number };
  } = {},
) {
  const { maxWrong = 0.03, oosFallback = 0.9, minCoverage = 0 } = options;
  const labeled = outcomes.filter((o) => o.q.expectFaqId && searched(o));
  const oos = outcomes.filter((o) => o.q.expectKind === "fallback" && searched(o) && reachedGate(o));
  const point = (s: number, g: number): CalibrationPoint => {
    const passes = (o: EvalOutcome) =>
      (o.scores[0] ?? 0) >= s && (o.scores[0] ?? 0) - (o.scores[1] ?? 0) >= g && o.coverage >= minCoverage;
    const right = labeled.filter((o) => passes(o) && accepts(o.q, o.ranked[0])).length;
    const wrong =
      labeled.filter((o) => passes(o) && !accepts(o.q, o.ranked[0])).length + oos.filter(passes).length;
    const answered = right + wrong;
    return {
      answerMinScore: s,
      answerMinGap: g,
      correct: right / Math.max(1, labeled.length),
      wrong: answered ? wrong / answered : 0,
    };
  };
  const points: CalibrationPoint[] = [];
  // Whole hundredths, so thresholds compare with the scores as the engine will (no drift from adding 0.01).
  for (let s = 5; s <= 90; s++) for (let g = 0; g <= 30; g++) points.push(point(s / 100, g / 100));
  const best = points
    .filter((p) => p.wrong <= maxWrong)
    .sort((a, b) => b.correct - a.correct || a.wrong - b.wrong)[0];
  let choicesMinScore = 0;
  for (let c = 0; c <= 90; c++) {
    const kept = oos.filter((o) => (o.scores[0] ?? 0) < c / 100).length / Math.max(1, oos.length);
    choicesMinScore = c / 100;
    if (kept >= oosFallback) break;
  }
  const inScopeToFallback =
    labeled.filter((o) => (o.scores[0] ?? 0) < choicesMinScore).length / Math.max(1, labeled.length);
  const current = options.current && point(options.current.score, options.current.gap);
  return {
    best,
    current,
    choicesMinScore,
    inScopeToFallback,
    labeled: labeled.length,
    outOfScope: oos.length,
  };
}
