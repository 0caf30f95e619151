import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { Meilisearch } from "meilisearch";
import { inject } from "vitest";
import { type Config, loadConfig } from "../../src/config/index.js";
import { createLogger, type Logger } from "../../src/logging/index.js";
import { connectRedis, RedisOutage, redisIndexState } from "../../src/redis/index.js";
import { ensureIndex } from "../../src/search/index.js";
import { deleteKeys, randomName } from "./services.js";

/** Config and clients for one test: its own index name, key prefix, data dir; `release` cleans all up. */
export interface TestServices {
  readonly name: string;
  readonly config: Config;
  readonly logger: Logger;
  readonly redis: Redis;
  readonly meili: Meilisearch;
  release(options?: { keepIndex?: boolean }): Promise<void>;
}

/** Loads config over the run's Meilisearch and Redis and, unless `index: false`, indexes content/. */
export async function testServices(
  env: Record<string, string>,
  options: { index?: boolean; namePrefix?: string; logLevel?: string } = {},
): Promise<TestServices> {
  const name = randomName(options.namePrefix ?? "t");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `tlpl-${options.namePrefix ?? "t"}-`));
  const config = loadConfig({
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliKey"),
    REDIS_URL: inject("redisUrl"),
    MEILI_INDEX: name,
    REDIS_PREFIX: name,
    DATA_DIR: dataDir,
    ...env,
  });
  const logger = createLogger(options.logLevel ?? "silent");
  // A cluster (REDIS_CLUSTER_NODES) gets the app's own connector; one server a plain client.
  const redis = config.redis.clusterNodes
    ? await connectRedis(config.redis, new RedisOutage(logger))
    : new Redis(config.redis.url, { maxRetriesPerRequest: 2 });
  const meili = new Meilisearch({
    host: config.meili.url ?? "",
    apiKey: config.meili.masterKey,
    timeout: 2000,
  });
  if (options.index !== false) {
    await ensureIndex({
      client: meili,
      alias: config.meili.index,
      contentDir: config.content.dir,
      indexConfigDir: config.content.indexConfigDir,
      state: redisIndexState(redis, config.redis.prefix),
      logger,
    });
  }
  return {
    name,
    config,
    logger,
    redis,
    meili,
    async release({ keepIndex = false } = {}) {
      if (!keepIndex) {
        await meili
          .deleteIndex(name)
          .waitTask()
          .catch(() => {});
      }
      await deleteKeys(redis, name);
      await redis.quit();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
