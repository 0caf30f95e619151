import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Engine } from "../core/index.js";
import { parseJsonl } from "./eval-question.js";

const externalSchema = z.looseObject({
  id: z.string(),
  question: z.string(),
  domain: z.string().nullable().optional(),
});

/** Shares of each reply kind over unlabeled questions written elsewhere, by domain, with answered samples. */
export interface ExternalReport {
  questions: number;
  byKind: Record<string, number>;
  byDomain: Record<string, { n: number } & Record<string, number>>;
  /** A deterministic sample of confident answers, for a person to judge. */
  answeredSample: ExternalAnswer[];
  /** Every confident answer (the judgements file records a person's verdict on each). */
  answers: ExternalAnswer[];
}

/** One confident answer to an external question. */
export interface ExternalAnswer {
  id: string;
  question: string;
  faqId: string;
  faqQuestion: string;
  confidence: number;
}

export async function runExternal(file: string, engine: Engine, sampleSize = 50): Promise<ExternalReport> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim());
  const byKind: Record<string, number> = {};
  const byDomain: ExternalReport["byDomain"] = {};
  const answered: ExternalAnswer[] = [];
  let i = 0;
  for (const line of lines) {
    const q = externalSchema.parse(JSON.parse(line));
    const reply = await engine.handle({ channel: "api", sessionId: `ext-${i++}`, text: q.question });
    byKind[reply.kind] = (byKind[reply.kind] ?? 0) + 1;
    const domain = `${q.id.split("-")[0]}:${q.domain ?? "none"}`;
    const d = byDomain[domain] ?? { n: 0 };
    byDomain[domain] = d;
    d.n += 1;
    d[reply.kind] = (d[reply.kind] ?? 0) + 1;
    if (reply.kind === "answer" && reply.faqId) {
      answered.push({
        id: q.id,
        question: q.question,
        faqId: reply.faqId,
        faqQuestion: reply.text.split("\n")[0]?.slice(0, 160) ?? "",
        confidence: reply.confidence ?? 0,
      });
    }
  }
  // Every k-th answer, so the sample spreads over the sources.
  const step = Math.max(1, Math.floor(answered.length / sampleSize));
  return {
    questions: lines.length,
    byKind,
    byDomain,
    answeredSample: answered.filter((_, k) => k % step === 0).slice(0, sampleSize),
    answers: answered,
  };
}

const judgementSchema = z.object({
  id: z.string(),
  faqId: z.string(),
  verdict: z.enum(["right", "partial", "wrong"]),
  why: z.string().optional(),
});
/** A person's verdict on one confident answer (test/eval/external-judgements.jsonl). */
export type Judgement = z.infer<typeof judgementSchema>;

/** Reads the judgements file; a missing file is no judgements. */
export async function readJudgements(file: string): Promise<Judgement[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return parseJsonl(file, text, judgementSchema);
}

/** Verdicts on today's confident answers: a verdict counts only for the same question and the same FAQ. */
export function tallyJudgements(answers: readonly ExternalAnswer[], judgements: readonly Judgement[]) {
  const verdicts = new Map(judgements.map((j) => [`${j.id}\u0000${j.faqId}`, j.verdict]));
  const tally = { right: 0, partial: 0, wrong: 0, unjudged: [] as ExternalAnswer[] };
  for (const a of answers) {
    const verdict = verdicts.get(`${a.id}\u0000${a.faqId}`);
    if (verdict) tally[verdict] += 1;
    else tally.unjudged.push(a);
  }
  return tally;
}
