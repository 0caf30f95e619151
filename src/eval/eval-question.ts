import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/** The category of questions that must never reach the delete-my-data intent or its confirmation. */
export const ABOUT_DELETING = "about-deleting";

/** One labeled evaluation question (test/eval/questions.jsonl). */
export const evalQuestionSchema = z
  .object({
    text: z.string().min(1),
    expectFaqId: z.string().optional(),
    acceptFaqIds: z.array(z.string()).optional(),
    /** "not-emergency": an ordinary question with a danger word; any reply but an emergency one. */
    expectKind: z
      .enum(["answer", "fallback", "emergency", "escalate", "greeting", "thanks", "help", "not-emergency"])
      .optional(),
    style: z
      .enum([
        "diacritics",
        "no-diacritics",
        "abbrev",
        "long",
        "typo",
        "two-topics",
        "short",
        "regional",
        "conversation",
        "danger-word",
      ])
      .default("diacritics"),
    topic: z.string().optional(),
    /** "about-deleting": a question about deleting something, never a request to delete the citizen's data. */
    category: z.string().optional(),
    /** Messages sent first in the same conversation; the reply to `text` is the one scored. */
    context: z.array(z.string().min(1)).optional(),
  })
  .refine(
    (q) => q.expectFaqId || q.expectKind || q.category === ABOUT_DELETING,
    "each question needs expectFaqId or expectKind",
  );
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** Reads JSONL questions from a file, or from every `*.jsonl` in a folder; names the bad line. */
export async function readQuestions(target: string): Promise<EvalQuestion[]> {
  const files = target.endsWith(".jsonl")
    ? [target]
    : (await readdir(target))
        .filter((f) => f.endsWith(".jsonl"))
        .sort()
        .map((f) => path.join(target, f));
  const out: EvalQuestion[] = [];
  for (const file of files) out.push(...parseJsonl(file, await readFile(file, "utf8"), evalQuestionSchema));
  return out;
}

/** One value per non-blank line of a JSONL file's text, each checked by `schema`; names the bad line. */
export function parseJsonl<T>(file: string, text: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
    out.push(parsed.data);
  });
  return out;
}
