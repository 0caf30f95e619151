import type { Redis } from "ioredis";
import type { IndexStateStore } from "../search/index.js";
import { withRedisLock } from "./redis-lock.js";

/** Keeps the indexed content hash and the build lock in Redis under `prefix`. */
export function redisIndexState(redis: Redis, prefix: string): IndexStateStore {
  return {
    getHash: (alias) => redis.get(`${prefix}:index-hash:${alias}`),
    async setHash(alias, hash) {
      await redis.set(`${prefix}:index-hash:${alias}`, hash);
    },
    withLock: (name, fn) => withRedisLock(redis, `${prefix}:lock:${name}`, fn),
  };
}
