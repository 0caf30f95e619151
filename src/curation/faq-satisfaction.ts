import type { Redis } from "ioredis";
import { eventStreamKeys } from "../redis/index.js";

/** 👍 and 👎 counts of one FAQ. */
export interface Satisfaction {
  readonly up: number;
  readonly down: number;
}

const PAGE = 1000;
const DAY_MS = 86_400_000;

/** Low satisfaction: at least two 👎 and no more 👍 than 👎. */
export function lowSatisfaction(s: Satisfaction | undefined): boolean {
  return s !== undefined && s.down >= 2 && s.up <= s.down;
}

/** One usage event's vote on a FAQ, or nothing for any other entry. */
function voteOf(fields: readonly string[]): { faqId: string; up: boolean } | undefined {
  const at = fields.indexOf("e");
  const json = at >= 0 ? fields[at + 1] : undefined;
  if (!json?.includes("feedback-")) return undefined;
  try {
    const event = JSON.parse(json) as { intent?: string; faqId?: string };
    if (!event.faqId || (event.intent !== "feedback-up" && event.intent !== "feedback-down"))
      return undefined;
    return { faqId: event.faqId, up: event.intent === "feedback-up" };
  } catch {
    // A malformed entry is skipped; the stream is written only by the app.
    return undefined;
  }
}

/** Dependencies: Redis with the usage stream (`eventStreamKeys.usage`), and the curation clock. */
export interface FaqSatisfactionDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly now: () => Date;
}

/** 👍/👎 per FAQ, read from the usage stream (intents feedback-up and feedback-down with a faqId). */
export class FaqSatisfaction {
  readonly #deps: FaqSatisfactionDeps;

  constructor(deps: FaqSatisfactionDeps) {
    this.#deps = deps;
  }

  /** The counts per FAQ id over the last `days` days (default 90) before `now`. */
  async read(options: { days?: number; now?: Date } = {}): Promise<Map<string, Satisfaction>> {
    const since = (options.now ?? this.#deps.now()).getTime() - (options.days ?? 90) * DAY_MS;
    const counts = new Map<string, { up: number; down: number }>();
    let start = `${Math.max(0, since)}-0`;
    for (;;) {
      const page = await this.#deps.redis.xrange(
        eventStreamKeys.usage(this.#deps.prefix),
        start,
        "+",
        "COUNT",
        PAGE,
      );
      for (const [, fields] of page) {
        const vote = voteOf(fields);
        if (!vote) continue;
        const entry = counts.get(vote.faqId) ?? { up: 0, down: 0 };
        if (vote.up) entry.up++;
        else entry.down++;
        counts.set(vote.faqId, entry);
      }
      const last = page.at(-1)?.[0];
      if (page.length < PAGE || !last) return counts;
      start = `(${last}`;
    }
  }
}
