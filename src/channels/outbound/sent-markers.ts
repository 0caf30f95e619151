import type { Redis } from "ioredis";

/** Remembers which outbound messages were delivered, so a retried job never sends one twice. */
export interface SentMarkers {
  has(key: string): Promise<boolean>;
  mark(key: string): Promise<void>;
}

/** Markers as Redis keys that expire after `ttlSeconds` (longer than any retry schedule). */
export function redisSentMarkers(redis: Redis, prefix: string, ttlSeconds = 7 * 86_400): SentMarkers {
  const key = (k: string) => `${prefix}:sent:${k}`;
  return {
    async has(k) {
      return (await redis.exists(key(k))) === 1;
    },
    async mark(k) {
      await redis.set(key(k), "1", "EX", ttlSeconds);
    },
  };
}
