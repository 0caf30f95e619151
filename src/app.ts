import { createHmac, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Express, Router } from "express";
import type { Redis } from "ioredis";
import type { Meilisearch } from "meilisearch";
import { detect } from "tinyld";
import { askRouter, redisAskLimiter, webChatRouter } from "./channels/web/index.js";
import type { Config } from "./config/index.js";
import { TOPICS, topicLabel } from "./content/index.js";
import { createEngine, createTranslationService, type Engine, type FaqSearch } from "./core/index.js";
import { createHttpApp } from "./http/index.js";
import type { Logger } from "./logging/index.js";
import { redisCache, redisSessionStore, redisUsageSink } from "./redis/index.js";
import { meiliFaqSearch } from "./search/index.js";
import { googleTranslator } from "./translate/index.js";

/** The secret for keyed hashes of ids: from config, else generated once and kept in DATA_DIR. */
export async function hashSecret(config: Config): Promise<string> {
  if (config.hashSecret) return config.hashSecret;
  const file = path.join(config.dataDir, "hash-secret");
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  if (existing) return existing;
  const secret = randomBytes(32).toString("hex");
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** What the HTTP service is made of, once its clients exist. */
export interface App {
  readonly app: Express;
  readonly engine: Engine;
  readonly search: FaqSearch;
}

/** Wires the engine and the HTTP app from config and connected clients (no process management). */
export async function createApp(deps: {
  config: Config;
  logger: Logger;
  redis: Redis;
  meili: Meilisearch;
  /** Routers mounted before the JSON parser (messenger webhooks that need the raw body). */
  rawRouters?: readonly Router[];
}): Promise<App> {
  const { config, logger, redis, meili } = deps;
  const search = meiliFaqSearch(meili, config.meili.index);
  const secret = await hashSecret(config);
  const engineLog = logger.child({ module: "engine" });
  const detectLanguage = (text: string) => detect(text);
  const engine = createEngine({
    search,
    sessions: redisSessionStore(redis, config.redis.prefix, config.engine.sessionTtlSeconds),
    usage: redisUsageSink(redis, config.redis.prefix, config.usage.streamMaxLen),
    clock: { now: () => new Date() },
    org: config.org,
    thresholds: config.engine,
    topicLabels: TOPICS.map((t) => topicLabel(t.id)),
    sessionTtlSeconds: config.engine.sessionTtlSeconds,
    hashId: (id) => createHmac("sha256", secret).update(id).digest("hex").slice(0, 24),
    detectLanguage,
    translation:
      config.translate.provider === "google"
        ? createTranslationService({
            detect: detectLanguage,
            translator: googleTranslator({ host: config.translate.host }),
            cache: redisCache(redis, config.redis.prefix),
            timeoutMs: config.translate.timeoutMs,
            onError: (err) =>
              engineLog.warn({ err: String(err) }, "translation failed; answering in Vietnamese"),
          })
        : undefined,
    onError: (err, where) => engineLog.warn({ err: String(err), where }, "engine dependency failed"),
  });
  const app = createHttpApp({
    logger,
    trustProxy: config.http.trustProxy,
    rawRouters: deps.rawRouters,
    probes: {
      meilisearch: async () => (await meili.health()).status === "available",
      redis: async () => (await redis.ping()) === "PONG",
    },
    routers: [
      askRouter({
        engine,
        search,
        org: config.org,
        limiter: redisAskLimiter(
          redis,
          config.redis.prefix,
          config.rateLimit.ipPerMinute,
          config.rateLimit.sessionPerMinute,
        ),
      }),
      webChatRouter(),
    ],
  });
  return { app, engine, search };
}
