import type { Cluster, Redis } from "ioredis";
import { keyPatterns } from "./key-space.js";

/**
 * Deletes every key starting with `prefix` (SCAN, never KEYS), e.g. a test's or a bench's namespace. On a
 * cluster SCAN sees one node's keys only, so each master is scanned, and keys are unlinked one by one
 * (a multi-key UNLINK must stay in one slot).
 */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  const nodes = redis.isCluster ? (redis as unknown as Cluster).nodes("master") : [redis];
  for (const node of nodes) {
    for (const pattern of keyPatterns(prefix)) {
      let cursor = "0";
      do {
        const [next, keys] = await node.scan(cursor, "MATCH", pattern, "COUNT", 1000);
        cursor = next;
        if (!keys.length) continue;
        if (!redis.isCluster) await node.unlink(...keys);
        else await Promise.all(keys.map((key) => node.unlink(key)));
      } while (cursor !== "0");
    }
  }
}
