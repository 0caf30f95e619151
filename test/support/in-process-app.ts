import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { Meilisearch } from "meilisearch";
import { inject } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/logging/index.js";
import { redisIndexState } from "../../src/redis/index.js";
import { ensureIndex } from "../../src/search/index.js";
import { deleteKeys, randomName } from "./services.js";

/** The app wired as in production, in this process, on a random port, with its own index and key prefix. */
export interface TestApp extends App {
  readonly baseUrl: string;
  readonly config: Config;
  readonly redis: Redis;
  readonly meili: Meilisearch;
  ask(
    body: unknown,
    headers?: Record<string, string>,
    // biome-ignore lint/suspicious/noExplicitAny: a JSON body whose shape the assertions check
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(options?: { keepIndex?: boolean }): Promise<void>;
}

export async function startTestApp(
  env: Record<string, string> = {},
  options: { index?: boolean } = {},
): Promise<TestApp> {
  const name = randomName("app");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-app-"));
  const config = loadConfig({
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliKey"),
    REDIS_URL: inject("redisUrl"),
    MEILI_INDEX: name,
    REDIS_PREFIX: name,
    DATA_DIR: dataDir,
    RATE_LIMIT_IP_PER_MINUTE: "100000",
    RATE_LIMIT_SESSION_PER_MINUTE: "100000",
    ...env,
  });
  const logger = createLogger("silent");
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 2 });
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
  const built = await createApp({ config, logger, redis, meili });
  const server: Server = await new Promise((resolve) => {
    const s = built.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...built,
    baseUrl,
    config,
    redis,
    meili,
    async ask(body, headers = {}) {
      const res = await fetch(`${baseUrl}/api/v1/ask`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async close({ keepIndex = false } = {}) {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      if (!keepIndex)
        await meili
          .deleteIndex(name)
          .waitTask()
          .catch(() => {});
      await deleteKeys(redis, name);
      await redis.quit();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
