import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { Meilisearch } from "meilisearch";
import { inject } from "vitest";
import { deleteKeysWithPrefix } from "../../src/redis/index.js";

/** A random name for an index, key prefix or queue, so parallel tests never share state. */
export function randomName(prefix = "t"): string {
  return `${prefix}_${randomBytes(5).toString("hex")}`;
}

/** A Meilisearch client for the run's server. */
export function meiliClient(): Meilisearch {
  return new Meilisearch({ host: inject("meiliUrl"), apiKey: inject("meiliKey") });
}

/** A Redis client for the run's server. */
export function redisClient(): Redis {
  return new Redis(inject("redisUrl"), { maxRetriesPerRequest: 2 });
}

/** Deletes every key starting with `prefix` (SCAN, never KEYS). */
export const deleteKeys = deleteKeysWithPrefix;

/** Deletes every key under `prefix` with a client of its own: cleanup after a spawned app. */
export async function removeKeys(prefix: string): Promise<void> {
  const redis = redisClient();
  try {
    await deleteKeys(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

/** Env for a child process of the real entry point, pointing at the test services. */
export function serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

/**
 * Env for a child process of the real entry point on the run's Redis and Meilisearch, under its own
 * key prefix and index (`prefix`) and data dir; `extra` adds or overrides variables.
 */
export function sharedServicesEnv(
  dataDir: string,
  prefix: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return serviceEnv({
    DATA_DIR: dataDir,
    REDIS_URL: inject("redisUrl"),
    REDIS_PREFIX: prefix,
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliKey"),
    MEILI_INDEX: prefix,
    ...extra,
  });
}
