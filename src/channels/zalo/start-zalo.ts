import type { Redis } from "ioredis";
import type { Config } from "../../config/index.js";
import type { Engine } from "../../core/index.js";
import type { FastRoutes } from "../../http/index.js";
import type { Logger } from "../../logging/index.js";
import { isRedisUnavailable, type RedisEndpoint } from "../../redis/index.js";
import { createJobQueue, type JobQueue, jobId, redisSentMarkers } from "../outbound/index.js";
import { zaloClient } from "./zalo-client.js";
import { zaloDelivery } from "./zalo-delivery.js";
import { type ZaloInboundJob, zaloInboundJobSchema } from "./zalo-event.js";
import { zaloInboundProcessor } from "./zalo-inbound.js";
import { startInboxMover, type ZaloInbox, zaloInbox } from "./zalo-inbox.js";
import { redisZaloLastInbound } from "./zalo-last-inbound.js";
import { type ZaloOutboundJob, zaloOutboundJobSchema } from "./zalo-outbound-job.js";
import { redisZaloTokenStore, type ZaloTokenStore } from "./zalo-token-store.js";
import { ZALO_WEBHOOK_PATH, zaloWebhook } from "./zalo-webhook.js";

type ZaloConfig = NonNullable<Config["channels"]["zalo"]>;

const TOKEN_CHECK_MS = 10 * 60_000;
const TOKEN_REFRESH_MARGIN_MS = 60 * 60_000;

export interface ZaloDeps {
  /** Counts a message given up on after its last retry (Prometheus). */
  readonly onOutboundFailure?: (platform: "zalo") => void;
  readonly zalo: ZaloConfig;
  readonly outbound: Config["channels"]["outbound"];
  readonly engine: Engine;
  readonly redis: Redis;
  readonly redisEndpoint: RedisEndpoint;
  /** REDIS_PREFIX: every key and queue of the channel lives under it. */
  readonly prefix: string;
  readonly logger: Logger;
  /** Where `POST /webhooks/zalo` is mounted: in front of express, on the raw body. */
  readonly fastRoutes: FastRoutes;
  readonly now?: () => number;
  /** How often the token's expiry is checked (tests shorten it). */
  readonly tokenCheckMs?: number;
}

/** The OA's token as `/health/ready` shows it: `ok: false` once refreshing failed and the token expired. */
export interface ZaloStatus {
  readonly ok: boolean;
  /** When the stored access token expires (ISO time), if known. */
  readonly tokenExpiresAt?: string;
  /** Zalo's reason for the last failed refresh, until one succeeds. */
  readonly refreshError?: string;
}

/** A running Zalo OA channel. */
export interface ZaloChannel {
  /** The token's state, for `/health/ready`. */
  status(): ZaloStatus;
  /** Events acknowledged to Zalo and not yet moved into `inbound`. */
  readonly inbox: ZaloInbox;
  readonly inbound: JobQueue<ZaloInboundJob>;
  readonly outbound: JobQueue<ZaloOutboundJob>;
  readonly tokens: ZaloTokenStore;
  close(): Promise<void>;
}

/**
 * Starts the Zalo OA channel: the signed webhook appends each event to the inbox stream (one write
 * per event-loop turn, then the 200s); a mover takes them into the `inbound-zalo` queue, whose worker
 * asks the engine and queues the reply on `outbound-zalo`, whose worker sends it through the OA API.
 */
export async function startZalo(deps: ZaloDeps): Promise<ZaloChannel> {
  const log = deps.logger.child({ module: "zalo" });
  const { zalo, outbound: o } = deps;
  const tokens = redisZaloTokenStore({
    redis: deps.redis,
    prefix: deps.prefix,
    oauthBase: zalo.oauthBase,
    appId: zalo.appId,
    appSecret: zalo.appSecret,
    now: deps.now,
  });
  await tokens.seed(zalo.accessToken, zalo.refreshToken);
  const canRefresh = Boolean(zalo.appSecret && zalo.refreshToken);
  if (!canRefresh) {
    log.warn("ZALO_APP_SECRET or ZALO_REFRESH_TOKEN is not set: the access token cannot be refreshed");
  }
  // The access token lives 25 h, the refresh token 3 months: refreshing an hour before expiry (and
  // at once when the expiry is unknown) keeps both alive even when nobody writes to the OA. Every
  // instance checks; the lock in the store lets one refresh and the others take its result.
  let refreshError: string | undefined;
  let expiresAt: number | undefined;
  const checkTokens = () =>
    tokens
      .refreshIfDue(TOKEN_REFRESH_MARGIN_MS)
      .then((refreshed) => {
        refreshError = undefined;
        if (refreshed) log.info("Zalo access token refreshed ahead of expiry");
      })
      .catch((err: Error) => {
        refreshError = err.message;
        log.warn({ err: err.message }, "Zalo access token could not be refreshed");
      })
      .then(async () => {
        expiresAt = await tokens.expiresAt().catch(() => expiresAt);
      });
  const tokenTimer = canRefresh ? setInterval(checkTokens, deps.tokenCheckMs ?? TOKEN_CHECK_MS) : undefined;
  tokenTimer?.unref();
  const firstCheck = canRefresh ? checkTokens() : Promise.resolve();
  const common = {
    redisEndpoint: deps.redisEndpoint,
    prefix: deps.prefix,
    attempts: o.attempts,
    backoffMs: o.backoffMs,
    lockSeconds: o.lockSeconds,
    work: o.workers,
    logger: log,
  };

  const lastInbound = redisZaloLastInbound(deps.redis, deps.prefix);
  const outbound = createJobQueue<ZaloOutboundJob>({
    ...common,
    name: "outbound-zalo",
    onFailed: (final) => {
      if (final) deps.onOutboundFailure?.("zalo");
    },
    schema: zaloOutboundJobSchema,
    process: zaloDelivery({
      client: zaloClient({ apiBase: zalo.apiBase, tokens }),
      markers: redisSentMarkers(deps.redis, deps.prefix),
      redis: deps.redis,
      prefix: deps.prefix,
      replyWindowMs: zalo.replyWindowHours * 3_600_000,
      lastInbound,
      now: deps.now,
    }),
    concurrency: o.concurrency,
    limiter: { max: zalo.ratePerSecond, duration: 1000 },
  });

  const respond = zaloInboundProcessor({ engine: deps.engine, enqueue: (id, job) => outbound.add(id, job) });
  const inbound = createJobQueue<ZaloInboundJob>({
    ...common,
    name: "inbound-zalo",
    schema: zaloInboundJobSchema,
    process: async (event) => {
      // Staff replies (citizen messenger) check the reply window against this.
      await lastInbound.record(event.userId, event.timestampMs);
      await respond(event);
    },
    concurrency: o.concurrency,
  });

  const inbox = zaloInbox(deps.redis, deps.prefix);
  const mover = o.workers
    ? await startInboxMover({
        redis: deps.redis.duplicate(),
        prefix: deps.prefix,
        // Zalo may deliver one event more than once: the job id (its msg_id) makes it one job.
        move: async (events) => {
          await Promise.all(events.map((event) => inbound.add(jobId("zl", event.eventId), event)));
        },
        logger: log,
      })
    : undefined;

  deps.fastRoutes.post(
    ZALO_WEBHOOK_PATH,
    zaloWebhook({
      appId: zalo.appId,
      oaSecretKey: zalo.oaSecretKey,
      maxAgeSeconds: zalo.signatureMaxAgeSeconds,
      enqueue: (event) => inbox.append(event),
      now: deps.now,
      onRejected: (reason) => log.warn({ reason }, "Zalo webhook refused"),
      onUrlCheck: () => log.info("Zalo checked the webhook URL (unsigned POST {}): answered 200"),
      onRedelivery: (numRetry) => log.info({ numRetry }, "Zalo re-delivered an event"),
      // While Redis is down (logged once by its client) a line without a stack is enough.
      onError: (err) =>
        log.error(
          { err: isRedisUnavailable(err) ? String(err) : err },
          "Zalo event could not be queued: answered 503",
        ),
    }),
  );
  log.info("Zalo OA webhook ready at /webhooks/zalo");

  return {
    inbox,
    inbound,
    outbound,
    tokens,
    status() {
      const now = deps.now?.() ?? Date.now();
      return {
        ok: !refreshError || (expiresAt !== undefined && expiresAt > now),
        ...(expiresAt ? { tokenExpiresAt: new Date(expiresAt).toISOString() } : {}),
        ...(refreshError ? { refreshError } : {}),
      };
    },
    async close() {
      clearInterval(tokenTimer);
      await firstCheck;
      await mover?.close();
      await inbound.close();
      await outbound.close();
    },
  };
}
