import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Engine } from "../core/index.js";

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
  answeredSample: { id: string; question: string; faqId: string; faqQuestion: string; confidence: number }[];
}

export async function runExternal(file: string, engine: Engine, sampleSize = 50): Promise<ExternalReport> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim());
  const byKind: Record<string, number> = {};
  const byDomain: ExternalReport["byDomain"] = {};
  const answered: ExternalReport["answeredSample"] = [];
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
  };
}
