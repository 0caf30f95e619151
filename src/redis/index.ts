export { connectRedis } from "./connect-redis.js";
export { deleteKeysWithPrefix } from "./delete-keys.js";
export { redisCache } from "./redis-cache.js";
export { redisIndexState } from "./redis-index-state.js";
export { isStaleHolder, releaseHeldLocks, withRedisLock } from "./redis-lock.js";
export { RedisOutage } from "./redis-outage.js";
export { redisSessionStore } from "./redis-session-store.js";
export { isRedisUnavailable } from "./redis-unavailable.js";
export { redisUsageSink, usageStreamKey } from "./redis-usage-sink.js";
