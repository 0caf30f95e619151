import type { Redis } from "ioredis";
import type { IndexStateStore } from "../search/index.js";
import { type HeldLocks, releaseHeldLocks, withRedisLock } from "./redis-lock.js";

/**
 * Keeps the indexed content hash and the build lock in Redis under `prefix`. `releaseHeld` lets a
 * shutdown give the lock up at once when it cuts a build short.
 */
export function redisIndexState(
  redis: Redis,
  prefix: string,
): IndexStateStore & { releaseHeld(): Promise<void> } {
  const held: HeldLocks = new Map();
  return {
    releaseHeld: () => releaseHeldLocks(redis, held),
    getHash: (alias) => redis.get(`${prefix}:index-hash:${alias}`),
    async setHash(alias, hash) {
      await redis.set(`${prefix}:index-hash:${alias}`, hash);
    },
    withLock: (name, fn) => withRedisLock(redis, `${prefix}:lock:${name}`, fn, { held }),
  };
}
