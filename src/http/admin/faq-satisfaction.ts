import type { Redis } from "ioredis";

/** 👍 and 👎 counts of one FAQ. */
export interface Satisfaction {
  readonly up: number;
  readonly down: number;
}

const PAGE = 1000;

/** Low satisfaction: at least two 👎 and no more 👍 than 👎. */
export function lowSatisfaction(s: Satisfaction | undefined): boolean {
  return s !== undefined && s.down >= 2 && s.up <= s.down;
}

/**
 * 👍/👎 counts per FAQ from the usage stream `${prefix}:usage` (intents feedback-up and feedback-down
 * with a faqId), over the last `days` days.
 */
export async function readSatisfaction(
  redis: Redis,
  prefix: string,
  options: { days?: number; now?: Date } = {},
): Promise<Map<string, Satisfaction>> {
  const since = (options.now ?? new Date()).getTime() - (options.days ?? 90) * 86_400_000;
  const counts = new Map<string, { up: number; down: number }>();
  let start = `${Math.max(0, since)}-0`;
  for (;;) {
    const page = await redis.xrange(`${prefix}:usage`, start, "+", "COUNT", PAGE);
    for (const [, fields] of page) {
      const at = fields.indexOf("e");
      const json = at >= 0 ? fields[at + 1] : undefined;
      if (!json?.includes("feedback-")) continue;
      try {
        const event = JSON.parse(json) as { intent?: string; faqId?: string };
        if (!event.faqId || (event.intent !== "feedback-up" && event.intent !== "feedback-down")) continue;
        const entry = counts.get(event.faqId) ?? { up: 0, down: 0 };
        if (event.intent === "feedback-up") entry.up++;
        else entry.down++;
        counts.set(event.faqId, entry);
      } catch {
        // A malformed entry is skipped; the stream is written only by the app.
      }
    }
    const last = page.at(-1)?.[0];
    if (page.length < PAGE || !last) return counts;
    start = `(${last}`;
  }
}
