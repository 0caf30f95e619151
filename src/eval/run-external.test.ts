import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Engine, Reply } from "../core/index.js";
import { readJudgements, runExternal, tallyJudgements } from "./run-external.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});
async function file(name: string, text: string): Promise<string> {
  dir ??= await mkdtemp(path.join(tmpdir(), "external-"));
  const target = path.join(dir, name);
  await writeFile(target, text);
  return target;
}

/** Answers "ly hôn" questions with one FAQ and everything else with choices. */
const engine = {
  async handle(message: { text: string }): Promise<Reply> {
    const divorce = message.text.includes("ly hôn");
    return {
      kind: divorce ? "answer" : "choices",
      text: divorce ? "Về câu hỏi «Ly hôn thế nào?»:\nTrả lời" : "Chọn",
      faqId: divorce ? "ly-hon" : undefined,
      confidence: divorce ? 0.4 : undefined,
      suggestions: [],
      buttons: [],
      language: "vi",
    };
  },
} as unknown as Engine;

describe("external questions", () => {
  it("lists every confident answer and counts kinds by source and domain", async () => {
    const questions = await file(
      "q.jsonl",
      [
        { id: "A-1", question: "Thủ tục ly hôn?", domain: "family" },
        { id: "A-2", question: "Đất đai?", domain: "land" },
        { id: "B-1", question: "Ly hôn đơn phương ly hôn?", domain: null },
      ]
        .map((q) => JSON.stringify(q))
        .join("\n"),
    );
    const report = await runExternal(questions, engine);
    expect(report.questions).toBe(3);
    expect(report.byKind).toEqual({ answer: 2, choices: 1 });
    expect(report.byDomain["A:land"]).toEqual({ n: 1, choices: 1 });
    expect(report.byDomain["B:none"]).toEqual({ n: 1, answer: 1 });
    expect(report.answers.map((a) => a.id)).toEqual(["A-1", "B-1"]);
    expect(report.answers[0]).toMatchObject({
      faqId: "ly-hon",
      faqQuestion: "Về câu hỏi «Ly hôn thế nào?»:",
    });
  });

  it("counts a verdict only for the same question answered with the same FAQ", () => {
    const answer = (id: string, faqId: string) => ({
      id,
      faqId,
      question: "?",
      faqQuestion: "?",
      confidence: 0.3,
    });
    const tally = tallyJudgements(
      [answer("A-1", "ly-hon"), answer("A-2", "thua-ke"), answer("A-3", "dat")],
      [
        { id: "A-1", faqId: "ly-hon", verdict: "right" },
        // Judged when A-2 was answered with another FAQ: no longer applies.
        { id: "A-2", faqId: "ly-hon", verdict: "wrong" },
        { id: "A-3", faqId: "dat", verdict: "partial" },
      ],
    );
    expect(tally).toMatchObject({ right: 1, partial: 1, wrong: 0 });
    expect(tally.unjudged.map((a) => a.id)).toEqual(["A-2"]);
  });

  it("reads judgements, treating a missing file as none and naming a bad line", async () => {
    expect(await readJudgements(path.join(tmpdir(), "no-such-judgements.jsonl"))).toEqual([]);
    const good = await file("j.jsonl", '{"id":"A-1","faqId":"ly-hon","verdict":"right","why":"ok"}\n');
    expect(await readJudgements(good)).toEqual([{ id: "A-1", faqId: "ly-hon", verdict: "right", why: "ok" }]);
    const bad = await file(
      "bad.jsonl",
      '{"id":"A-1","faqId":"ly-hon","verdict":"right"}\n{"id":"A-2","faqId":"x","verdict":"maybe"}\n',
    );
    await expect(readJudgements(bad)).rejects.toThrow(/bad\.jsonl:2/);
  });
});
