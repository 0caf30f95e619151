import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { Router } from "express";
import { Redis } from "ioredis";
import { Meilisearch } from "meilisearch";
import { createApp, INDEX_TIMEOUT_MS } from "./app.js";
import { startChannels } from "./channels/index.js";
import { type Config, exampleOrgFields, loadConfig } from "./config/index.js";
import { openContentStore } from "./curation/index.js";
import { AppError, ConfigError } from "./errors/index.js";
import { fastRoutes } from "./http/index.js";
import { createLogger, type Logger } from "./logging/index.js";
import { redisIndexState } from "./redis/index.js";
import { ensureRedis, Lifecycle, startMeiliServer } from "./runtime/index.js";
import { ensureIndex } from "./search/index.js";

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

  // The published corpus lives in Redis; this release's content/ is taken in without undoing console edits.
  const content = await openContentStore({
    redis,
    prefix: config.redis.prefix,
    releaseDir: config.content.dir,
    mode: config.content.updates,
    logger: logger.child({ module: "content" }),
  });
  if (config.content.reindexOnStart) {
    const result = await ensureIndex({
      client: new Meilisearch({ ...meiliClient.config, timeout: INDEX_TIMEOUT_MS }),
      alias: config.meili.index,
      contentDir: config.content.dir,
      faqs: () => content.loadFaqs(),
      indexConfigDir: config.content.indexConfigDir,
      state: redisIndexState(redis, config.redis.prefix),
      logger: logger.child({ module: "search" }),
    });
    logger.info({ built: result.built, documents: result.documents }, "FAQ index ready");
  }

  // Telegram (when configured) mounts its webhook on this router, ahead of the JSON parser; Zalo on
  // the fast routes, in front of express.
  const channelRouter = Router();
  const webhooks = fastRoutes();
  const built = await createApp({
    config,
    logger,
    redis,
    meili: meiliClient,
    rawRouters: [channelRouter],
    content,
  });
  const { app, engine } = built;
  lifecycle.defer("case timers", () => built.close());
  const channels = await startChannels({
    config,
    logger,
    redis,
    engine,
    router: channelRouter,
    fastRoutes: webhooks,
    onOutboundFailure: built.onOutboundFailure,
  });
  built.attachChannels(channels);
  lifecycle.defer("channels", () => channels.close());
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createServer(webhooks.inFrontOf(app));
    s.once("error", reject);
    s.listen(config.http.port, config.http.host, () => resolve(s));
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
