import type { Redis } from "ioredis";
import type { Cache } from "../core/index.js";
import { redisKeys } from "./redis-keys.js";

/** A {@link Cache} on Redis strings with expiry. */
export function redisCache(redis: Redis, prefix: string): Cache {
  return {
    get: (key) => redis.get(redisKeys.cache(prefix, key)),
    async set(key, value, ttlSeconds) {
      await redis.set(redisKeys.cache(prefix, key), value, "EX", ttlSeconds);
    },
  };
}
