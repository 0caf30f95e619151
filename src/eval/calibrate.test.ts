import { describe, expect, it } from "vitest";
import { calibrate } from "./calibrate.js";
import type { EvalOutcome } from "./run-eval.js";

const labeled = (id: string, ranked: string[], scores: number[], coverage = 1): EvalOutcome => ({
  q: { text: id, expectFaqId: id, style: "diacritics" },
  kind: "choices",
  ranked,
  scores,
  coverage,
});
const outOfScope = (scores: number[], kind = "choices", intent?: string): EvalOutcome => ({
  q: { text: "thời tiết", expectKind: "fallback", style: "diacritics" },
  kind,
  intent,
  ranked: ["x", "y"],
  scores,
  coverage: 1,
});

describe("calibrate", () => {
  it("picks the gap that answers the most while keeping wrong answers under the ceiling", () => {
    const outcomes = [
      labeled("a", ["a", "b"], [0.6, 0.2]),
      labeled("b", ["b", "a"], [0.5, 0.3]),
      // Wrong first with a small lead: only a gap above 0.05 keeps it out.
      labeled("c", ["d", "c"], [0.5, 0.45]),
    ];
    const { best } = calibrate(outcomes, { maxWrong: 0 });
    expect(best?.correct).toBeCloseTo(2 / 3);
    expect(best?.wrong).toBe(0);
  });

  it("applies the engine's coverage floor, so a wrong first hit with low coverage is not counted as answered", () => {
    const outcomes = [labeled("a", ["a", "b"], [0.6, 0.2]), labeled("c", ["d", "c"], [0.6, 0.2], 0.3)];
    expect(calibrate(outcomes, { maxWrong: 0 }).best?.correct).toBe(0);
    const gated = calibrate(outcomes, { maxWrong: 0, minCoverage: 0.5 }).best;
    expect(gated?.correct).toBe(0.5);
    expect(gated?.wrong).toBe(0);
  });

  it("counts an accepted alternative as right", () => {
    const q = { text: "x", expectFaqId: "a", acceptFaqIds: ["b"], style: "diacritics" as const };
    const outcome: EvalOutcome = { q, kind: "answer", ranked: ["b", "a"], scores: [0.6, 0.1], coverage: 1 };
    expect(calibrate([outcome], { maxWrong: 0 }).best?.correct).toBe(1);
  });

  it("counts out-of-scope questions decided by the thresholds, not those routed earlier by an intent", () => {
    const inScope = labeled("a", ["a", "b"], [0.6, 0.2]);
    // Answering this out-of-scope question would be wrong; a higher score floor or gap keeps it out.
    const routedToPerson = outOfScope([0.5, 0.45], "escalate", "ask-person");
    expect(calibrate([inScope, routedToPerson], { maxWrong: 0 }).best).toMatchObject({
      answerMinScore: 0.05,
      answerMinGap: 0,
    });
    const reachedSearch = outOfScope([0.5, 0.45], "fallback", "no-match");
    const { best, choicesMinScore } = calibrate([inScope, reachedSearch], { maxWrong: 0 });
    expect(best?.correct).toBe(1);
    expect(best?.wrong).toBe(0);
    expect((best?.answerMinScore ?? 0) > 0.5 || (best?.answerMinGap ?? 0) > 0.04).toBe(true);
    expect(choicesMinScore).toBe(0.51);
  });

  it("reports what the current thresholds do", () => {
    const outcomes = [labeled("a", ["a", "b"], [0.6, 0.2]), labeled("c", ["d", "c"], [0.5, 0.45])];
    const { current } = calibrate(outcomes, { current: { score: 0.1, gap: 0.01 } });
    expect(current).toMatchObject({ correct: 0.5, wrong: 0.5 });
  });
});
