import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { type AskLimiter, RateLimitedError } from "./ask-router.js";
import { webKeys } from "./web-keys.js";

/**
 * Per-IP and per-session limits over a 60-second window, shared by every app instance through Redis;
 * `budget` keeps a separate count (`inbox`: polling for staff messages).
 */
export function redisAskLimiter(
  redis: Redis,
  prefix: string,
  perIp: number,
  perSession: number,
  budget?: "inbox",
): AskLimiter {
  const keys = webKeys(prefix);
  const ip = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: keys.limiter("ip", budget),
    points: perIp,
    duration: 60,
  });
  const session = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: keys.limiter("session", budget),
    points: perSession,
    duration: 60,
  });
  const wait = (error: unknown): never => {
    if (error instanceof RateLimiterRes)
      throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  };
  return {
    async consume(address, sessionId) {
      await ip.consume(address).catch(wait);
      if (sessionId) await session.consume(sessionId).catch(wait);
    },
  };
}
