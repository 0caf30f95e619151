import type { Redis } from "ioredis";
import type { Cache } from "../core/index.js";

/** A {@link Cache} on Redis strings with expiry. */
export function redisCache(redis: Redis, prefix: string): Cache {
  return {
    get: (key) => redis.get(`${prefix}:cache:${key}`),
    async set(key, value, ttlSeconds) {
      await redis.set(`${prefix}:cache:${key}`, value, "EX", ttlSeconds);
    },
  };
}
