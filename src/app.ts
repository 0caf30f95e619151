import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Express, Router } from "express";
import type { Redis } from "ioredis";
import { Meilisearch } from "meilisearch";
import { collectDefaultMetrics, Registry } from "prom-client";
import { detect } from "tinyld";
import { type Channels, channelHealthDetails, citizenMessenger } from "./channels/index.js";
import {
  askRouter,
  redisAskLimiter,
  redisWebHistory,
  webChatRouter,
  webInboxRouter,
} from "./channels/web/index.js";
import type { Config } from "./config/index.js";
import { TOPICS, topicLabel } from "./content/index.js";
import {
  ART7_SCREENING_QUESTIONS,
  createCaseThreadRouter,
  createEngine,
  createTranslationService,
  type Engine,
  type FaqSearch,
  FINANCIAL_DIFFICULTY_QUESTION,
} from "./core/index.js";
import { type ContentStore, createCuration, curationKeys, openContentStore } from "./curation/index.js";
import {
  type CaseService,
  type CaseStore,
  createCaseService,
  createCaseTimers,
  redisCaseEvents,
  redisCaseLive,
  redisCaseStore,
  StaffAccounts,
  screenEligibility,
  startRetentionJob,
} from "./escalation/index.js";
import { adminRouter } from "./http/admin/index.js";
import { createHttpApp, type HealthDetail } from "./http/index.js";
import {
  callsRouter,
  dashboardRouter,
  metricsRouter,
  reportsPageRouter,
  reportsRouter,
} from "./http/metrics/index.js";
import { staffGuards, staffOf, staffRouter } from "./http/staff/index.js";
import type { Logger } from "./logging/index.js";
import { createAppMetrics, createMetricsIngester, redisCallLog, redisReports } from "./metrics/index.js";
import { redisCache, redisIndexState, redisSessionStore, redisUsageSink } from "./redis/index.js";
import { ensureIndex, meiliFaqSearch } from "./search/index.js";
import { googleTranslator } from "./translate/index.js";

/** Timeout of each request while building an index (a search has SEARCH_TIMEOUT_MS). */
export const INDEX_TIMEOUT_MS = 60_000;

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
  readonly cases: CaseService;
  readonly caseStore: CaseStore;
  readonly accounts: StaffAccounts;
  /** Staff replies reach Telegram and Zalo citizens once the channels are started. */
  attachChannels(channels: Channels): void;
  /** Counts an outbound message given up on (pass to startChannels). */
  onOutboundFailure(platform: string): void;
  /** Stops the case timers and the retention job. */
  close(): Promise<void>;
}

/** Wires the engine and the HTTP app from config and connected clients (no process management). */
export async function createApp(deps: {
  config: Config;
  logger: Logger;
  redis: Redis;
  meili: Meilisearch;
  /** Routers mounted before the JSON parser (messenger webhooks that need the raw body). */
  rawRouters?: readonly Router[];
  /** The content store, when the caller opened it already (main.ts does, before indexing). */
  content?: ContentStore;
  /** Whether Redis answers, as the client's connections see it (main.ts; see connectRedis). */
  redisOutage?: { readonly down: boolean };
  /** More details for `/health/ready` (main.ts: the bundled Meilisearch's restarts). */
  healthDetails?: Record<string, HealthDetail>;
}): Promise<App> {
  const { config, logger, redis, meili } = deps;
  // Prometheus figures of this instance (GET /metrics, allowed addresses or token only).
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const appMetrics = createAppMetrics(registry);
  const engineLog = logger.child({ module: "engine" });
  const searchLog = logger.child({ module: "search" });
  const faqSearch = meiliFaqSearch(meili, config.meili.index, {
    onError: (err) =>
      searchLog.warn({ err: String(err) }, "search snapshot not refreshed; the previous one serves"),
  });
  const search = appMetrics.wrapSearch(faqSearch);
  // Read the corpus before serving: once ready, answers go on from memory if Meilisearch stops.
  await faqSearch.refresh().catch(() => {});
  const secret = await hashSecret(config);
  const detectLanguage = (text: string) => detect(text);
  const hashId = (id: string) => createHmac("sha256", secret).update(id).digest("hex").slice(0, 24);
  const clock = { now: () => new Date() };
  const prefix = config.redis.prefix;
  const sessions = redisSessionStore(redis, prefix, config.engine.sessionTtlSeconds);

  // Legal-aid cases: the store, SLA timers, events for the reports, and replies through the citizen's channel.
  const caseLog = logger.child({ module: "cases" });
  const caseStore = redisCaseStore(redis, { prefix, clock });
  const caseEvents = redisCaseEvents(redis, prefix, {
    maxLen: config.usage.streamMaxLen,
    onError: (err) => caseLog.warn({ err: String(err) }, "case event not recorded"),
  });
  const workers = config.channels.outbound.workers;
  const timers = createCaseTimers({
    redisEndpoint: config.redis,
    prefix,
    config: config.escalation,
    logger: caseLog,
    clock,
    store: caseStore,
    events: caseEvents,
    work: workers,
    onBreach: (c) => {
      appMetrics.slaBreaches.inc({ channel: c.channel });
    },
  });
  const retention = await startRetentionJob({
    store: caseStore,
    retentionDays: config.escalation.retentionDays,
    redisEndpoint: config.redis,
    prefix,
    logger: caseLog,
    clock,
    work: workers,
  });
  let running: Channels | undefined;
  const messenger = citizenMessenger({
    running: { get: (id) => running?.get(id) },
    redis,
    prefix,
    clock,
    config,
  });
  // The web chat's conversation on the server: a reload or a closed tab shows it again.
  const webHistory = redisWebHistory(redis, prefix, { ttlSeconds: config.engine.sessionTtlSeconds });
  const accounts = new StaffAccounts(redis, { prefix, sessionTtlSeconds: config.staff.sessionTtlSeconds });
  // Staff pages on every instance hear of case changes (a citizen message, a claim) without a reload.
  const live = redisCaseLive(redis, prefix);
  const cases = createCaseService({
    live,
    store: caseStore,
    timers,
    messenger,
    events: caseEvents,
    sessions,
    hashId,
    clock,
    logger: caseLog,
    accounts,
    workingHours: config.escalation,
  });
  // Timers of cases opened just before a crash are re-scheduled (idempotent), in the background.
  if (workers)
    void cases.start().catch((err) => caseLog.warn({ err: String(err) }, "re-scheduling timers failed"));

  appMetrics.watchQueues([timers.queue]);
  // Usage, case and call events → daily rollups for the dashboard and the reports (own connection: it blocks).
  const metricsLog = logger.child({ module: "metrics" });
  const ingestRedis = redis.duplicate();
  const ingester = createMetricsIngester({
    redis: ingestRedis,
    prefix,
    retentionDays: config.metrics.eventsRetentionDays,
    questionsPerSessionHour: config.metrics.questionsPerSessionHour,
    questionsPerAddressHour: config.metrics.questionsPerAddressHour,
    logger: metricsLog,
  });
  if (workers) await ingester.start();
  const reports = redisReports({ redis, prefix });
  const guards = staffGuards(accounts);

  // Admin curation: FAQs, revisions, history and inbox in Redis (the release's content/ is the seed);
  // publishing rebuilds and swaps the index every instance reads.
  const content =
    deps.content ??
    (await openContentStore({
      redis,
      prefix,
      releaseDir: config.content.dir,
      mode: config.content.updates,
      logger: logger.child({ module: "content" }),
    }));
  // A publish on any instance tells the others on this channel (a subscribed connection does nothing else).
  const corpusChannel = curationKeys(prefix).corpusPublished;
  const instanceId = randomUUID();
  const corpusSubscriber = redis.duplicate();
  corpusSubscriber.on("error", (err) => logger.debug({ err: err.message }, "corpus subscriber"));
  await corpusSubscriber.subscribe(corpusChannel);
  corpusSubscriber.on("message", (_channel, from) => {
    if (from === instanceId) return;
    void faqSearch
      .refresh()
      .catch((err) => engineLog.warn({ err: String(err) }, "reloading the corpus failed"));
  });
  // Building an index takes longer than a search: its requests get their own, longer timeout.
  const indexClient = new Meilisearch({ ...meili.config, timeout: INDEX_TIMEOUT_MS });
  const curation = createCuration({
    contentDir: config.content.dir,
    files: content,
    redis,
    prefix,
    // The publishing request returns once this instance serves the new text; the others are told on
    // the corpus channel and reload alongside it (their revision probe catches a missed message).
    reindex: async () => {
      const result = await ensureIndex({
        client: indexClient,
        alias: config.meili.index,
        contentDir: config.content.dir,
        faqs: () => content.loadFaqs(),
        indexConfigDir: config.content.indexConfigDir,
        state: redisIndexState(redis, prefix),
        logger: logger.child({ module: "curation" }),
      });
      // The other instances reload at once (not at their next revision probe), while this one does.
      if (result.built) await redis.publish(corpusChannel, instanceId).catch(() => {});
      await faqSearch.refresh();
      return result;
    },
  });

  const usage = redisUsageSink(redis, config.redis.prefix, config.usage.streamMaxLen);
  const answers = createEngine({
    search,
    sessions,
    desk: cases.desk,
    topics: TOPICS.map((t) => ({ id: t.id, label: t.label })),
    screening: {
      questions: ART7_SCREENING_QUESTIONS,
      financialQuestion: FINANCIAL_DIFFICULTY_QUESTION,
      screen: screenEligibility,
    },
    usage,
    clock,
    org: config.org,
    thresholds: config.engine,
    topicLabels: TOPICS.map((t) => topicLabel(t.id)),
    sessionTtlSeconds: config.engine.sessionTtlSeconds,
    hashId,
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
  // While a case answered in the chat is open, the citizen's messages go to it, not to the bot.
  const engine = createCaseThreadRouter({
    engine: answers,
    threads: cases.threads,
    org: config.org,
    clock,
    sessions,
    usage,
    hashId,
    onError: (err, where) => engineLog.warn({ err: String(err), where }, "engine dependency failed"),
  });
  const app = createHttpApp({
    logger,
    trustProxy: config.http.trustProxy,
    rawRouters: deps.rawRouters,
    probes: {
      // Ready once a snapshot of a published index can answer (it keeps serving while Meilisearch is down).
      index: () => faqSearch.ready(),
      meilisearch: async () => (await meili.health()).status === "available",
      redis: async () => (await redis.ping()) === "PONG",
    },
    // Meilisearch down: still ready (degraded) while the corpus snapshot answers; 503 without one.
    healthFallbacks: {
      meilisearch: () => {
        const ageSeconds = faqSearch.snapshotAgeSeconds();
        return ageSeconds === undefined ? undefined : { serving: "snapshot", snapshotAgeSeconds: ageSeconds };
      },
    },
    healthDetails: {
      ...deps.healthDetails,
      ...channelHealthDetails(() => running),
    },
    routers: [
      Router().use(appMetrics.httpMiddleware),
      metricsRouter({ registry, allow: config.metrics.allow, token: config.metrics.token }),
      reportsRouter({ reports, authorize: guards.reports, orgName: config.org.name }),
      reportsPageRouter({
        reports,
        authorizePage: guards.reportsPage,
        now: clock.now,
        orgName: config.org.name,
      }),
      dashboardRouter({
        reports,
        authorize: guards.staff,
        authorizePage: guards.staffPage,
        orgName: config.org.name,
      }),
      callsRouter({
        callLog: redisCallLog({ redis, prefix }),
        authorize: guards.staff,
        username: (req) => (req.res ? staffOf(req.res)?.session.username : undefined),
      }),
      askRouter({
        engine,
        search,
        org: config.org,
        history: webHistory,
        onError: (err, where) => engineLog.warn({ err: String(err), where }, "web chat copy not kept"),
        limiter: redisAskLimiter(
          redis,
          config.redis.prefix,
          config.rateLimit.ipPerMinute,
          config.rateLimit.sessionPerMinute,
        ),
      }),
      // Polling for staff messages has its own budget, so it never eats into the ask limit.
      webInboxRouter({
        redis,
        prefix,
        history: webHistory,
        threads: cases.threads,
        limiter: redisAskLimiter(
          redis,
          prefix,
          config.rateLimit.ipPerMinute,
          config.rateLimit.sessionPerMinute,
          "inbox",
        ),
      }),
      staffRouter({
        service: cases,
        accounts,
        redis,
        prefix,
        config,
        logger,
        live,
        redisDown: deps.redisOutage && (() => deps.redisOutage?.down === true),
      }),
      adminRouter({ curation, accounts, cases, org: config.org, logger, search }),
      webChatRouter(),
    ],
  });
  return {
    app,
    engine,
    search,
    cases,
    caseStore,
    accounts,
    onOutboundFailure(platform) {
      appMetrics.outboundFailures.inc({ platform });
    },
    attachChannels(channels) {
      running = channels;
      appMetrics.watchQueues([timers.queue, ...channels.queues()]);
    },
    async close() {
      await cases.stop();
      await ingester.stop();
      ingestRedis.disconnect();
      corpusSubscriber.disconnect();
      await Promise.all([timers.close(), retention.close(), live.close()]);
    },
  };
}
