import { spreadBase } from "./key-space.js";

/** Keys of the shared stores in this folder; each is used alone, so on a cluster they spread over the nodes. */
export const redisKeys = {
  /** A conversation's session state (redis-session-store.ts). */
  session: (prefix: string, id: string) => `${spreadBase(prefix)}:session:${id}`,
  /** A cached value, e.g. a translation (redis-cache.ts). */
  cache: (prefix: string, key: string) => `${spreadBase(prefix)}:cache:${key}`,
  /** The content hash an index alias was built from (redis-index-state.ts). */
  indexHash: (prefix: string, alias: string) => `${spreadBase(prefix)}:index-hash:${alias}`,
  /** A lock taken with `withRedisLock`, e.g. `index:faq`, `content-release`, `zalo-token`. */
  lock: (prefix: string, name: string) => `${spreadBase(prefix)}:lock:${name}`,
} as const;
