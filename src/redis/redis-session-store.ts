import type { Redis } from "ioredis";
import type { SessionState, SessionStore } from "../core/index.js";
import { redisKeys } from "./redis-keys.js";

/** Sessions as JSON strings with a TTL, refreshed on every write. */
export function redisSessionStore(redis: Redis, prefix: string, ttlSeconds: number): SessionStore {
  const key = (id: string) => redisKeys.session(prefix, id);
  return {
    async get(id) {
      const raw = await redis.get(key(id));
      if (!raw) return undefined;
      try {
        return JSON.parse(raw) as SessionState;
      } catch {
        return undefined;
      }
    },
    async set(id, state) {
      await redis.set(key(id), JSON.stringify(state), "EX", ttlSeconds);
    },
    async delete(id) {
      await redis.del(key(id));
    },
  };
}
