import { describe, expect, it } from "vitest";
import type { FaqHit, FaqRecord, Thresholds } from "../core/index.js";
import { calibrate, evaluatePoint } from "./calibrate.js";
import type { EvalOutcome } from "./run-eval.js";

const record = (id: string): FaqRecord => ({
  id,
  question: id,
  answer: id,
  topic: "dan-su",
  legalBasis: [],
  related: [],
});
const hits = (ranked: string[], scores: number[], coverage = 1): FaqHit[] =>
  ranked.map((id, i) => ({ faq: record(id), score: scores[i] ?? 0, coverage }));
const labeled = (id: string, ranked: string[], scores: number[], coverage = 1): EvalOutcome => ({
  q: { text: id, expectFaqId: id, style: "diacritics" },
  kind: "choices",
  ranked,
  scores,
  coverage,
  hits: hits(ranked, scores, coverage),
});
const outOfScope = (scores: number[], kind = "choices", intent?: string): EvalOutcome => ({
  q: { text: "thời tiết", expectKind: "fallback", style: "diacritics" },
  kind,
  intent,
  ranked: ["x", "y"],
  scores,
  coverage: 1,
  hits: hits(["x", "y"], scores),
});
const base: Thresholds = {
  answerMinScore: 0.1,
  answerMinGap: 0.1,
  choicesMinScore: 0.05,
  answerMinCoverage: 0.5,
};

describe("evaluatePoint", () => {
  it("counts a close first FAQ answered with the right one as an alternative as wrong but not confident-wrong", () => {
    const outcomes = [labeled("a", ["a", "b"], [0.6, 0.2]), labeled("c", ["d", "c"], [0.5, 0.4])];
    const p = evaluatePoint(outcomes, { ...base, alternativesMaxRatio: 0.85 });
    expect(p).toMatchObject({ answered: 1, correct: 0.5, wrong: 0.5, confidentWrong: 0 });
    // Without answers with alternatives, the close one gets choices and nothing is wrong.
    expect(evaluatePoint(outcomes, base)).toMatchObject({ answered: 0.5, wrong: 0, confidentWrong: 0 });
  });

  it("counts an out-of-scope question answered as confident-wrong, and one sent to choices as not at fallback", () => {
    const outcomes = [labeled("a", ["a", "b"], [0.6, 0.2]), outOfScope([0.5, 0.1])];
    expect(evaluatePoint(outcomes, base)).toMatchObject({ wrong: 0.5, confidentWrong: 0.5 });
    const high = evaluatePoint(outcomes, { ...base, answerMinScore: 0.55 });
    expect(high).toMatchObject({ answered: 1, wrong: 0, outOfScopeFallback: 0 });
  });

  it("leaves out questions routed before the answer rule (an intent, a safety rule)", () => {
    const routed = outOfScope([0.5, 0.1], "escalate", "ask-person");
    expect(evaluatePoint([labeled("a", ["a"], [0.6]), routed], base).wrong).toBe(0);
  });

  it("answers a near tie when the first FAQ holds clearly more of the question's words, but not a real tie", () => {
    const withCoverage = (id: string, scores: number[], coverage: number[]): EvalOutcome => ({
      ...labeled(id, [id, "other"], scores),
      hits: hits([id, "other"], scores).map((h, i) => ({ ...h, coverage: coverage[i] ?? 1 })),
    });
    const t = { ...base, alternativesMaxRatio: 0.85, alternativesCoverageLead: 0.25 };
    // 0.45 / 0.5 = 0.9: past the ratio, within the tie; the first holds 0.3 more of the words.
    expect(evaluatePoint([withCoverage("a", [0.5, 0.45], [0.9, 0.6])], t).answered).toBe(1);
    expect(evaluatePoint([withCoverage("a", [0.5, 0.45], [0.9, 0.7])], t).answered).toBe(0);
    // 0.49 / 0.5: a tie, whatever the coverage.
    expect(evaluatePoint([withCoverage("a", [0.5, 0.49], [1, 0.5])], t).answered).toBe(0);
    const { alternativesCoverageLead: _, ...without } = t;
    expect(evaluatePoint([withCoverage("a", [0.5, 0.45], [0.9, 0.6])], without).answered).toBe(0);
  });

  it("counts an accepted alternative FAQ as right", () => {
    const q = { text: "x", expectFaqId: "a", acceptFaqIds: ["b"], style: "diacritics" as const };
    const outcome: EvalOutcome = {
      q,
      kind: "answer",
      ranked: ["b", "a"],
      scores: [0.6, 0.1],
      coverage: 1,
      hits: hits(["b", "a"], [0.6, 0.1]),
    };
    expect(evaluatePoint([outcome], base)).toMatchObject({ correct: 1, wrong: 0 });
  });
});

describe("calibrate", () => {
  it("picks thresholds that answer the most while keeping wrong answers under the ceilings", () => {
    const outcomes = [
      labeled("a", ["a", "b"], [0.6, 0.2]),
      labeled("b", ["b", "a"], [0.5, 0.3]),
      // Wrong first with a small lead: only a gap above 0.05 (and no alternatives) keeps it out.
      labeled("c", ["d", "x"], [0.5, 0.45]),
    ];
    const { best } = calibrate(outcomes, base, { maxConfidentWrong: 0, maxWrong: 0 });
    expect(best?.correct).toBeCloseTo(2 / 3);
    expect(best?.wrong).toBe(0);
  });

  it("raises the choices coverage until out-of-scope questions go to fallback", () => {
    const outcomes = [
      labeled("a", ["a", "b"], [0.6, 0.2]),
      { ...outOfScope([0.12, 0.11]), hits: hits(["x", "y"], [0.12, 0.11], 0.3) },
    ];
    const { best } = calibrate(outcomes, base, { oosFallback: 1 });
    expect(best?.thresholds.choicesMinCoverage).toBe(0.35);
    expect(best?.outOfScopeFallback).toBe(1);
  });
});
