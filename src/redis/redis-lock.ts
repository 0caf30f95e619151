import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * Runs `fn` while holding a Redis lock (SET NX PX with a random token, released only by its owner).
 * Waits up to `waitMs` for another holder to finish.
 */
export async function withRedisLock<T>(
  redis: Redis,
  key: string,
  fn: () => Promise<T>,
  options: { ttlMs?: number; waitMs?: number } = {},
): Promise<T> {
  const token = randomBytes(12).toString("hex");
  const ttl = options.ttlMs ?? 120_000;
  const deadline = Date.now() + (options.waitMs ?? 180_000);
  while ((await redis.set(key, token, "PX", ttl, "NX")) !== "OK") {
    if (Date.now() > deadline) throw new Error(`lock ${key} is still held by another process`);
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    return await fn();
  } finally {
    await redis.eval(RELEASE, 1, key, token);
  }
}
