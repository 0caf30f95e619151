import type { Redis } from "ioredis";
import { keyPatterns } from "./key-space.js";

/** Deletes every key starting with `prefix` (SCAN, never KEYS), e.g. a test's or a bench's namespace. */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  for (const pattern of keyPatterns(prefix)) {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== "0");
  }
}
