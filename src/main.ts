import { createHmac } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import { Redis } from "ioredis";
import { Meilisearch } from "meilisearch";
import { detect } from "tinyld";
import { askRouter, redisAskLimiter, webChatRouter } from "./channels/web/index.js";
import { type Config, exampleOrgFields, loadConfig } from "./config/index.js";
import { TOPICS, topicLabel } from "./content/index.js";
import { createEngine, createTranslationService } from "./core/index.js";
import { AppError, ConfigError } from "./errors/index.js";
import { createHttpApp } from "./http/index.js";
import { createLogger, type Logger } from "./logging/index.js";
import { redisCache, redisIndexState, redisSessionStore, redisUsageSink } from "./redis/index.js";
import { ensureRedis, Lifecycle, startMeiliServer } from "./runtime/index.js";
import { ensureIndex, meiliFaqSearch } from "./search/index.js";
import { googleTranslator } from "./translate/index.js";

/** The secret for keyed hashes of ids: from config, else generated once and kept in DATA_DIR. */
async function hashSecret(config: Config): Promise<string> {
  if (config.hashSecret) return config.hashSecret;
  const file = path.join(config.dataDir, "hash-secret");
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  if (existing) return existing;
  const { randomBytes } = await import("node:crypto");
  const secret = randomBytes(32).toString("hex");
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** Starts everything that is configured; each started resource is registered for shutdown. */
export async function start(config: Config, logger: Logger, lifecycle: Lifecycle): Promise<Server> {
  await mkdir(config.dataDir, { recursive: true });
  const redisProcess = await ensureRedis(config.redis.url, config.dataDir);
  if (redisProcess) {
    logger.info({ pid: redisProcess.pid }, "started a local redis-server");
    lifecycle.defer("redis-server", () => redisProcess.stop());
  }

  const meili = config.meili.url
    ? { url: config.meili.url, masterKey: config.meili.masterKey ?? "" }
    : await startMeiliServer({
        dataDir: config.dataDir,
        binary: config.meili.binary,
        masterKey: config.meili.masterKey,
      });
  if ("process" in meili && meili.process) {
    const managed = meili.process;
    logger.info({ pid: managed.pid, url: meili.url }, "started a local Meilisearch");
    lifecycle.defer("meilisearch", () => managed.stop());
  }

  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis error"));
  lifecycle.defer("redis client", async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  const meiliClient = new Meilisearch({
    host: meili.url,
    apiKey: meili.masterKey || undefined,
    timeout: config.engine.searchTimeoutMs,
  });

  if (config.content.reindexOnStart) {
    const result = await ensureIndex({
      client: meiliClient,
      alias: config.meili.index,
      contentDir: config.content.dir,
      indexConfigDir: config.content.indexConfigDir,
      state: redisIndexState(redis, config.redis.prefix),
      logger: logger.child({ module: "search" }),
    });
    logger.info({ built: result.built, documents: result.documents }, "FAQ index ready");
  }

  const search = meiliFaqSearch(meiliClient, config.meili.index);
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
    probes: {
      meilisearch: async () => (await meiliClient.health()).status === "available",
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

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.http.port, config.http.host, (err?: Error) =>
      err ? reject(err) : resolve(s),
    );
  });
  lifecycle.defer("http server", () => closeServer(server));
  return server;
}

/** Stops accepting, lets in-flight requests finish for up to 10 s, then cuts what is left. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), 10_000);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

async function run(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  const lifecycle = new Lifecycle(logger);
  let stopping = false;
  const stop = async (signal: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await lifecycle.shutdown();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGTERM", () => void stop("SIGTERM", 0));
  process.on("uncaughtException", (err) => {
    logger.fatal({ err }, "uncaught exception");
    void stop("uncaughtException", 1);
  });
  try {
    const examples = exampleOrgFields(config.org);
    if (examples.length && config.env === "production") {
      logger.warn({ fields: examples }, "organisation details are still examples; set the ORG_* variables");
    }
    await start(config, logger, lifecycle);
    process.stdout.write(`Trợ lý pháp luật is ready at ${config.http.publicBaseUrl}\n`);
  } catch (error) {
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    logger.debug({ err: error }, "start-up failed");
    process.stderr.write(`Start-up failed: ${message}\n`);
    await lifecycle.shutdown();
    process.exit(1);
  }
}

await run();
