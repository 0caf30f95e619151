import type { EvalOutcome } from "./run-eval.js";

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

/**
 * Searches the grid of answer thresholds for the one answering the most in-scope questions
 * correctly while keeping wrong confident answers at or under `maxWrong`; and the lowest
 * choices threshold that keeps at least `oosFallback` of out-of-scope questions at fallback.
 */
export function calibrate(outcomes: readonly EvalOutcome[], maxWrong = 0.03, oosFallback = 0.9) {
  const labeled = outcomes.filter((o) => o.q.expectFaqId && searched(o));
  const oos = outcomes.filter((o) => o.q.expectKind === "fallback" && searched(o));
  const points: CalibrationPoint[] = [];
  for (let s = 0.05; s <= 0.9001; s += 0.01) {
    for (let g = 0; g <= 0.3001; g += 0.01) {
      const passes = (o: EvalOutcome) =>
        (o.scores[0] ?? 0) >= s && (o.scores[0] ?? 0) - (o.scores[1] ?? 0) >= g;
      const right = labeled.filter((o) => passes(o) && o.ranked[0] === o.q.expectFaqId).length;
      const wrong =
        labeled.filter((o) => passes(o) && o.ranked[0] !== o.q.expectFaqId).length +
        oos.filter(passes).length;
      const answered = right + wrong;
      points.push({
        answerMinScore: Math.round(s * 100) / 100,
        answerMinGap: Math.round(g * 100) / 100,
        correct: right / Math.max(1, labeled.length),
        wrong: answered ? wrong / answered : 0,
      });
    }
  }
  const best = points
    .filter((p) => p.wrong <= maxWrong)
    .sort((a, b) => b.correct - a.correct || a.wrong - b.wrong)[0];
  let choicesMinScore = 0;
  for (let c = 0; c <= 0.9001; c += 0.01) {
    const kept = oos.filter((o) => (o.scores[0] ?? 0) < c).length / Math.max(1, oos.length);
    choicesMinScore = Math.round(c * 100) / 100;
    if (kept >= oosFallback) break;
  }
  const inScopeToFallback =
    labeled.filter((o) => (o.scores[0] ?? 0) < choicesMinScore).length / Math.max(1, labeled.length);
  return { best, choicesMinScore, inScopeToFallback, labeled: labeled.length, outOfScope: oos.length };
}
