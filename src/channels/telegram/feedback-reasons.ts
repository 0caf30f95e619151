import type { Redis } from "ioredis";
import { scrub } from "../../core/index.js";
import { eventStreamKeys } from "../../redis/index.js";

/** Why a citizen found an answer unhelpful, for curators; scrubbed of phone and ID numbers. */
export interface FeedbackReasons {
  record(entry: { channel: string; faqId?: string; reason: string }): Promise<void>;
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
        eventStreamKeys.feedback(prefix),
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
