import type { Redis } from "ioredis";
import type { UsageEvent, UsageSink } from "../core/index.js";

/** The Redis stream usage events go to; bounded by an approximate MAXLEN. */
export function usageStreamKey(prefix: string): string {
  return `${prefix}:usage`;
}

/** Appends each usage event to a Redis stream (one field `e` holding the JSON). */
export function redisUsageSink(redis: Redis, prefix: string, maxLen: number): UsageSink {
  const key = usageStreamKey(prefix);
  return {
    async record(event: UsageEvent) {
      await redis.xadd(key, "MAXLEN", "~", String(maxLen), "*", "e", JSON.stringify(event));
    },
  };
}
