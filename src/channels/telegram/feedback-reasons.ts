import type { Redis } from "ioredis";
import { scrub } from "../../core/index.js";

/** Why a citizen found an answer unhelpful, for curators; scrubbed of phone and ID numbers. */
export interface FeedbackReasons {
  record(entry: { channel: string; faqId?: string; reason: string }): Promise<void>;
}

/** The Redis stream feedback reasons go to (field `e` holds the JSON). */
export function feedbackStreamKey(prefix: string): string {
  return `${prefix}:feedback`;
}

export function redisFeedbackReasons(redis: Redis, prefix: string, maxLen = 100_000): FeedbackReasons {
  return {
    async record(entry) {
      const event = {
        at: new Date().toISOString(),
        channel: entry.channel,
        faqId: entry.faqId,
        reason: scrub(entry.reason).slice(0, 500),
      };
      await redis.xadd(
        feedbackStreamKey(prefix),
        "MAXLEN",
        "~",
        String(maxLen),
        "*",
        "e",
        JSON.stringify(event),
      );
    },
  };
}
