import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseJsonl } from "../../eval/eval-question.js";
import { normalize } from "../text/normalize.js";
import { detectEmergency } from "./detect-emergency.js";
import { EMERGENCY_CATEGORIES } from "./emergency-patterns.js";

const regressionSchema = z.object({
  text: z.string().min(1),
  emergency: z.enum(EMERGENCY_CATEGORIES).nullable(),
  why: z.string(),
});
const regressionFile = "test/eval/emergency-regression.jsonl";
const regression = parseJsonl(regressionFile, await readFile(regressionFile, "utf8"), regressionSchema);
const labeled = parseJsonl(
  "test/eval/questions.jsonl",
  await readFile("test/eval/questions.jsonl", "utf8"),
  z.object({ text: z.string(), expectKind: z.string().optional() }).loose(),
);

describe("the emergency detector on ordinary legal questions with danger words", () => {
  it.each(regression.filter((q) => !q.emergency).map((q) => [q.why, q.text]))(
    "raises no alarm (%s): %j",
    (_why, text) => {
      expect(detectEmergency(normalize(text))).toBeUndefined();
    },
  );

  it.each(regression.filter((q) => q.emergency).map((q) => [q.emergency, q.why, q.text]))(
    "still raises %s (%s): %j",
    (category, _why, text) => {
      expect(detectEmergency(normalize(text))).toBe(category);
    },
  );

  it("keeps recall at 100% on the labeled emergencies", () => {
    const emergencies = labeled.filter((q) => q.expectKind === "emergency");
    expect(emergencies.length).toBeGreaterThan(30);
    const missed = emergencies.filter((q) => !detectEmergency(normalize(q.text))).map((q) => q.text);
    expect(missed).toEqual([]);
  });
});
