import { decideHits, type Thresholds } from "../core/index.js";
import { accepts, type EvalOutcome } from "./run-eval.js";

/** One point of the threshold grid and what the answer rule would do with it on the questions. */
export interface CalibrationPoint {
  readonly thresholds: Thresholds;
  /** Share of in-scope questions answered (with or without alternatives). */
  readonly answered: number;
  /** Share of in-scope questions answered with the right FAQ. */
  readonly correct: number;
  /** Share of answers whose FAQ is wrong (in-scope wrong FAQ, or out-of-scope answered). */
  readonly wrong: number;
  /** Share of answers that are wrong and offer no right FAQ after them either. */
  readonly confidentWrong: number;
  /** Share of out-of-scope questions the rule would send to fallback rather than choices. */
  readonly outOfScopeFallback: number;
}

/** Whether the engine decided this question by the answer rule (not earlier, by an intent or a safety rule). */
const reachedGate = (o: EvalOutcome) =>
  (o.hits?.length ?? 0) > 0 &&
  (o.kind === "answer" ||
    o.kind === "choices" ||
    (o.kind === "fallback" && o.intent === "no-match") ||
    (o.kind === "escalate" && o.intent === "long-story"));

/** What `decideHits` (the engine's own rule) does with `t` on the questions asked alone. */
export function evaluatePoint(outcomes: readonly EvalOutcome[], t: Thresholds): CalibrationPoint {
  const labeled = outcomes.filter((o) => o.q.expectFaqId && !o.q.context?.length);
  const oos = outcomes.filter((o) => o.q.expectKind === "fallback" && reachedGate(o));
  let answered = 0;
  let right = 0;
  let wrong = 0;
  let confidentWrong = 0;
  for (const o of labeled) {
    if (!reachedGate(o)) continue;
    const d = decideHits(o.hits ?? [], t);
    if (d.kind !== "answer") continue;
    answered++;
    if (accepts(o.q, d.hit.faq.id)) right++;
    else {
      wrong++;
      if (!d.alternatives.some((h) => accepts(o.q, h.faq.id))) confidentWrong++;
    }
  }
  let oosFallback = 0;
  for (const o of oos) {
    const d = decideHits(o.hits ?? [], t);
    if (d.kind === "answer") {
      wrong++;
      confidentWrong++;
    } else if (d.kind === "none") oosFallback++;
  }
  const answers = right + wrong;
  return {
    thresholds: t,
    answered: answered / Math.max(1, labeled.length),
    correct: right / Math.max(1, labeled.length),
    wrong: answers ? wrong / answers : 0,
    confidentWrong: answers ? confidentWrong / answers : 0,
    outOfScopeFallback: oos.length ? oosFallback / oos.length : 1,
  };
}

const hundredths = (from: number, to: number, step = 1) => {
  const out: number[] = [];
  // Whole hundredths, so thresholds compare with the scores as the engine will (no drift from adding 0.01).
  for (let i = from; i <= to; i += step) out.push(i / 100);
  return out;
};

/**
 * Searches a grid of thresholds for the answer rule that answers the most in-scope questions
 * while answers that are wrong with no right alternative stay at or under `maxConfidentWrong`
 * and all wrong answers at or under `maxWrong`; then the lowest choices coverage that keeps at
 * least `oosFallback` of out-of-scope questions at fallback. `base` gives the thresholds not searched.
 */
export function calibrate(
  outcomes: readonly EvalOutcome[],
  base: Thresholds,
  options: { maxConfidentWrong?: number; maxWrong?: number; oosFallback?: number } = {},
) {
  const { maxConfidentWrong = 0.01, maxWrong = 0.03, oosFallback = 0.9 } = options;
  const points: CalibrationPoint[] = [];
  for (const answerMinScore of hundredths(8, 30, 2))
    for (const answerMinGap of hundredths(4, 30, 2))
      for (const answerMinCoverage of hundredths(20, 70, 10))
        for (const alternativesMaxRatio of [undefined, ...hundredths(60, 95, 5)])
          for (const alternativesCoverageLead of [undefined, ...hundredths(20, 30, 5)])
            points.push(
              evaluatePoint(outcomes, {
                ...base,
                answerMinScore,
                answerMinGap,
                answerMinCoverage,
                alternativesMaxRatio,
                alternativesCoverageLead,
              }),
            );
  const best = points
    .filter((p) => p.confidentWrong <= maxConfidentWrong && p.wrong <= maxWrong)
    // Ties go to the stricter rule: fewer wrong answers, then a higher coverage floor and score.
    .sort(
      (a, b) =>
        b.answered - a.answered ||
        a.wrong - b.wrong ||
        b.thresholds.answerMinCoverage - a.thresholds.answerMinCoverage ||
        b.thresholds.answerMinScore - a.thresholds.answerMinScore,
    )[0];
  let choices = best;
  if (best) {
    for (const choicesMinCoverage of hundredths(0, 90, 5)) {
      choices = evaluatePoint(outcomes, { ...best.thresholds, choicesMinCoverage });
      if (choices.outOfScopeFallback >= oosFallback) break;
    }
  }
  return { best: choices, current: evaluatePoint(outcomes, base) };
}
