import { describe, expect, it } from "vitest";
import { rollupOps } from "./rollup-ops.js";

const usage = (intent: string | undefined, kind = "escalate") =>
  JSON.stringify({
    at: "2026-11-26T03:00:00.000Z",
    channel: "web",
    session: "abc123",
    kind,
    intent,
    language: "vi",
    latencyMs: 3,
  });

const questionCounts = (json: string) =>
  rollupOps("p", "usage", "1-0", json).filter(
    (op) => (op.t === "inc" || op.t === "perSession") && op.field.startsWith("u|"),
  ).length;

describe("rollupOps for usage events", () => {
  it("counts a question and the start of a hand-off, but not the intake's answers, ratings or status checks", () => {
    expect(questionCounts(usage(undefined, "answer"))).toBe(1);
    expect(questionCounts(usage("intake-consent"))).toBe(1);
    for (const intent of ["intake-description", "intake-phone", "intake-done", "rating", "case-status"]) {
      expect(questionCounts(usage(intent, "fallback"))).toBe(0);
    }
  });

  it("still counts the conversation of a turn that is not a question", () => {
    const ops = rollupOps("p", "usage", "1-0", usage("intake-phone"));
    expect(ops.some((op) => op.t === "distinct")).toBe(true);
  });
});

describe("rollupOps and channels", () => {
  it("counts a registered channel and a tool under their own names, and an unknown channel not at all", () => {
    const event = (channel: string) =>
      JSON.stringify({ at: "2026-11-26T03:00:00.000Z", channel, kind: "answer" });
    const fields = (channel: string) =>
      rollupOps("p", "usage", "1-0", event(channel)).map((op) => (op.t === "inc" ? op.field : op.t));
    expect(fields("zalo")).toEqual(["u|zalo|khac|answer"]);
    expect(fields("api")).toEqual(["u|api|khac|answer"]);
    expect(fields("fax")).toEqual([]);
    const created = JSON.stringify({ type: "created", channel: "fax", topic: "dat-dai" });
    expect(rollupOps("p", "case", "1-0", created)).toEqual([]);
  });
});
