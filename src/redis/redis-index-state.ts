import type { Redis } from "ioredis";
import type { IndexStateStore } from "../search/index.js";
import { redisKeys } from "./redis-keys.js";
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
    getHash: (alias) => redis.get(redisKeys.indexHash(prefix, alias)),
    async setHash(alias, hash) {
      await redis.set(redisKeys.indexHash(prefix, alias), hash);
    },
    withLock: (name, fn) => withRedisLock(redis, redisKeys.lock(prefix, name), fn, { held }),
  };
}
