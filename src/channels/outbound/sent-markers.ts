import type { Redis } from "ioredis";
import { outboundKeys } from "./outbound-keys.js";

/** Remembers which outbound messages were delivered, so a retried job never sends one twice. */
export interface SentMarkers {
  has(key: string): Promise<boolean>;
  /** `value` is what the platform answered (e.g. Zalo's message id), kept with the marker. */
  mark(key: string, value?: string): Promise<void>;
  get(key: string): Promise<string | undefined>;
}

/** Markers as Redis keys that expire after `ttlSeconds` (longer than any retry schedule). */
export function redisSentMarkers(redis: Redis, prefix: string, ttlSeconds = 7 * 86_400): SentMarkers {
  const key = outboundKeys(prefix).sent;
  return {
    async has(k) {
      return (await redis.exists(key(k))) === 1;
    },
    async mark(k, value = "1") {
      await redis.set(key(k), value, "EX", ttlSeconds);
    },
    async get(k) {
      return (await redis.get(key(k))) ?? undefined;
    },
  };
}
