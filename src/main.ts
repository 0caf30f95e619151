import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { Router } from "express";
import { Meilisearch } from "meilisearch";
import { createApp, INDEX_TIMEOUT_MS } from "./app.js";
import { channelRegistry, startChannels } from "./channels/index.js";
import { type Config, exampleOrgFields, loadConfig } from "./config/index.js";
import { openContentStore } from "./curation/index.js";
import { AppError, ConfigError } from "./errors/index.js";
import { fastRoutes } from "./http/index.js";
import { createLogger, type Logger } from "./logging/index.js";
import { connectRedis, RedisOutage, redisIndexState } from "./redis/index.js";
import { ensureRedis, Lifecycle, superviseMeili } from "./runtime/index.js";
import { ensureIndex } from "./search/index.js";

/**
 * One log line per start-up stage, with how long it took: "start: redis ready (12 ms)". A stage
 * that throws is logged by the caller's start-up failure line, not here.
 */
function startStages(
  logger: Logger,
): <T>(name: string, work: () => Promise<T>, detail?: (r: T) => object) => Promise<T> {
  return async (name, work, detail) => {
    const began = performance.now();
    const result = await work();
    const ms = Math.round(performance.now() - began);
    logger.info({ stage: name, ms, ...detail?.(result) }, `start: ${name} ready (${ms} ms)`);
    return result;
  };
}

/** Starts everything that is configured; each started resource is registered for shutdown. */
export async function start(config: Config, logger: Logger, lifecycle: Lifecycle): Promise<Server> {
  const stage = startStages(logger);
  const began = performance.now();
  await mkdir(config.dataDir, { recursive: true });
  // Every connection (duplicates too) reports to one watcher: one log line per outage, not one per command.
  const redisOutage = new RedisOutage(logger.child({ module: "redis" }));
  const { redis } = await stage(
    "redis",
    async () => {
      // A cluster is always external; one local server is started here when none answers.
      const redisProcess = config.redis.clusterNodes
        ? undefined
        : await ensureRedis(config.redis.url, config.dataDir);
      if (redisProcess) lifecycle.defer("redis-server", () => redisProcess.stop());
      const redis = await connectRedis(config.redis, redisOutage);
      lifecycle.defer("redis client", async () => {
        await redis.quit().catch(() => redis.disconnect());
      });
      return { redisProcess, redis };
    },
    ({ redisProcess: p }) =>
      p
        ? { startedLocal: true, redisPid: p.pid }
        : { url: redactUrl(config.redis.url), clusterNodes: config.redis.clusterNodes?.length },
  );

  const meili = await stage(
    "meilisearch",
    async () =>
      config.meili.url
        ? { url: config.meili.url, masterKey: config.meili.masterKey ?? "" }
        : // Restarted with backoff if it exits unexpectedly; /health/ready shows its restarts.
          await superviseMeili({
            dataDir: config.dataDir,
            binary: config.meili.binary,
            masterKey: config.meili.masterKey,
            logger: logger.child({ module: "meilisearch" }),
          }),
    (m) => ({
      url: m.url,
      ...("status" in m ? { startedLocal: true, meiliPid: m.status().pid } : {}),
    }),
  );
  const supervised = "status" in meili ? meili : undefined;
  if (supervised) lifecycle.defer("meilisearch", () => supervised.stop());

  const meiliClient = new Meilisearch({
    host: meili.url,
    apiKey: meili.masterKey || undefined,
    timeout: config.engine.searchTimeoutMs,
  });

  // The published corpus lives in Redis; this release's content/ is taken in without undoing console edits.
  const content = await stage("content", () =>
    openContentStore({
      redis,
      prefix: config.redis.prefix,
      releaseDir: config.content.dir,
      mode: config.content.updates,
      logger: logger.child({ module: "content" }),
    }),
  );
  // Telegram (when configured) mounts its webhook on this router, ahead of the JSON parser; Zalo on
  // the fast routes, in front of express.
  const channelRouter = Router();
  const webhooks = fastRoutes();
  const built = await stage("app", () =>
    createApp({
      config,
      logger,
      redis,
      meili: meiliClient,
      rawRouters: [channelRouter],
      content,
      redisOutage,
      healthDetails: supervised && {
        meilisearchProcess: () => {
          const status = supervised.status();
          return { ok: status.state === "running", ...status };
        },
      },
    }),
  );
  const { app, engine } = built;
  lifecycle.defer("case timers", () => built.close());
  const channels = await stage(
    "channels",
    () =>
      startChannels({
        config,
        logger,
        redis,
        engine,
        router: channelRouter,
        fastRoutes: webhooks,
        onOutboundFailure: built.onOutboundFailure,
      }),
    (c) => c.configured(),
  );
  built.attachChannels(channels);
  lifecycle.defer("channels", () => channels.close());
  const server = await stage(
    "http",
    () =>
      new Promise<Server>((resolve, reject) => {
        const s = createServer(webhooks.inFrontOf(app));
        s.once("error", reject);
        s.listen(config.http.port, config.http.host, () => resolve(s));
      }),
    () => ({ host: config.http.host, port: config.http.port }),
  );
  lifecycle.defer("http server", () => closeServer(server));
  logger.info({ ms: Math.round(performance.now() - began) }, `listening at ${config.http.publicBaseUrl}`);
  if (config.content.reindexOnStart) {
    // After listening: the app serves from the last good index while this runs (a crashed build's lock
    // and half-built index are dealt with inside), and /health/ready waits for an index to answer from.
    const state = redisIndexState(redis, config.redis.prefix);
    lifecycle.defer("index lock", () => state.releaseHeld());
    void stage(
      "index",
      () =>
        ensureIndex({
          client: new Meilisearch({ ...meiliClient.config, timeout: INDEX_TIMEOUT_MS }),
          alias: config.meili.index,
          contentDir: config.content.dir,
          faqs: () => content.loadFaqs(),
          indexConfigDir: config.content.indexConfigDir,
          state,
          logger: logger.child({ module: "search" }),
        }),
      (r) => ({ built: r.built, documents: r.documents }),
    ).catch((err) =>
      logger.error({ err: String(err) }, "start-up reindex failed; the last good index keeps serving"),
    );
  }
  return server;
}

/** A Redis URL without its password, for a log line. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
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
  const logger = createLogger(config.logLevel, undefined, config.logFormat, channelRegistry.secretHeaders());
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
  } catch (error) {
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    logger.debug({ err: error }, "start-up failed");
    process.stderr.write(`Start-up failed: ${message}\n`);
    await lifecycle.shutdown();
    process.exit(1);
  }
}

await run();
