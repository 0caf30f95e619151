import type { Redis } from "ioredis";
import type { UsageEvent, UsageSink } from "../core/index.js";
import { eventStreamKeys } from "./event-stream-keys.js";

/** Appends each usage event to the Redis stream `eventStreamKeys.usage` (one field `e` holding the JSON), bounded by an approximate MAXLEN. */
export function redisUsageSink(redis: Redis, prefix: string, maxLen: number): UsageSink {
  const key = eventStreamKeys.usage(prefix);
  return {
    async record(event: UsageEvent) {
      await redis.xadd(key, "MAXLEN", "~", String(maxLen), "*", "e", JSON.stringify(event));
    },
  };
}
