import { autoRetry } from "@grammyjs/auto-retry";
import { type RunnerHandle, run } from "@grammyjs/runner";
import type { Router } from "express";
import { Bot, type BotError } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Config } from "../../config/index.js";
import type { Engine } from "../../core/index.js";
import { HttpError, serviceUnavailable } from "../../http/index.js";
import type { Logger } from "../../logging/index.js";
import type { RedisEndpoint } from "../../redis/index.js";
import { createJobQueue, type JobQueue, redisChatPacer, redisSentMarkers } from "../outbound/index.js";
import { redisFeedbackReasons } from "./feedback-reasons.js";
import { telegramDelivery } from "./telegram-delivery.js";
import { installTelegramHandlers } from "./telegram-handlers.js";
import { type TelegramOutboundJob, telegramOutboundJobSchema } from "./telegram-outbound-job.js";
import { TELEGRAM_COMMANDS } from "./telegram-texts.js";
import { redisUpdateJournal } from "./telegram-update-journal.js";
import { telegramWebhookRouter } from "./telegram-webhook-router.js";

type TelegramConfig = NonNullable<Config["channels"]["telegram"]>;

export interface TelegramDeps {
  /** Counts a message given up on after its last retry (Prometheus). */
  readonly onOutboundFailure?: (platform: "telegram") => void;
  readonly telegram: TelegramConfig;
  readonly outbound: Config["channels"]["outbound"];
  readonly engine: Engine;
  readonly redis: Redis;
  readonly redisEndpoint: RedisEndpoint;
  /** REDIS_PREFIX: every key and queue of the channel lives under it. */
  readonly prefix: string;
  readonly logger: Logger;
  /** Where the webhook route is mounted (before the app's JSON parser). */
  readonly router: Router;
  /** Long-polling timeout in seconds (Telegram's maximum wait for new updates). */
  readonly pollTimeoutSeconds?: number;
  /** First wait before connecting again after a failure; doubles up to 5 minutes (tests shorten it). */
  readonly reconnectMs?: number;
}

/**
 * How the bot is getting its updates, for `/health/ready`: `conflict` (409: another getUpdates with
 * the same token, or a webhook set elsewhere), `unauthorized` (401: the token was revoked) and
 * `unreachable` are retried with backoff.
 */
export interface TelegramStatus {
  readonly mode: "polling" | "webhook";
  readonly state: "starting" | "receiving" | "conflict" | "unauthorized" | "unreachable";
  /** Since when (ISO time) the state holds. */
  readonly since: string;
  /** Telegram's description of the last error, when the state is not `receiving`. */
  readonly error?: string;
  /** When the next attempt is due (ISO time), while retrying. */
  readonly retryAt?: string;
}

/** A running Telegram channel. */
export interface TelegramChannel {
  readonly bot: Bot;
  readonly outbound: JobQueue<TelegramOutboundJob>;
  status(): TelegramStatus;
  close(): Promise<void>;
}

const ALLOWED_UPDATES = ["message", "callback_query"] as const;
const RECONNECT_MS = 5_000;
const RECONNECT_MAX_MS = 5 * 60_000;

function errorCode(error: unknown): number | undefined {
  const code = (error as { error_code?: unknown } | null)?.error_code;
  return typeof code === "number" ? code : undefined;
}

/**
 * Starts the Telegram bot: long polling through grammY's runner, or a webhook route when
 * TELEGRAM_WEBHOOK_URL is set; replies go through the `outbound-telegram` queue.
 */
export async function startTelegram(deps: TelegramDeps): Promise<TelegramChannel> {
  const log = deps.logger.child({ module: "telegram" });
  const bot = new Bot(deps.telegram.token, { client: { apiRoot: deps.telegram.apiRoot } });
  // 429 (waits retry_after) and 5xx (backoff) are retried here; network errors and long waits are
  // left to the queue's own retries so a worker is never stuck for long.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));

  const outbound = createJobQueue<TelegramOutboundJob>({
    name: "outbound-telegram",
    onFailed: (final) => {
      if (final) deps.onOutboundFailure?.("telegram");
    },
    redisEndpoint: deps.redisEndpoint,
    prefix: deps.prefix,
    schema: telegramOutboundJobSchema,
    process: telegramDelivery({
      api: bot.api,
      markers: redisSentMarkers(deps.redis, deps.prefix),
      pacer: redisChatPacer(deps.redis, deps.prefix, deps.telegram.chatIntervalMs),
    }),
    concurrency: deps.outbound.concurrency,
    attempts: deps.outbound.attempts,
    backoffMs: deps.outbound.backoffMs,
    lockSeconds: deps.outbound.lockSeconds,
    work: deps.outbound.workers,
    limiter: { max: deps.telegram.ratePerSecond, duration: 1000 },
    logger: log,
  });

  installTelegramHandlers(bot, {
    engine: deps.engine,
    enqueue: (id, job) => outbound.add(id, job),
    redis: deps.redis,
    prefix: deps.prefix,
    feedback: redisFeedbackReasons(deps.redis, deps.prefix),
    logger: log,
  });

  const webhook = deps.telegram.webhook;
  if (webhook) {
    deps.router.use(
      telegramWebhookRouter({
        path: webhook.path,
        secret: webhook.secret,
        handleUpdate: async (update) => {
          if (!bot.isInited()) await bot.init();
          try {
            await bot.handleUpdate(update);
          } catch (error) {
            // Redis down: 503 (its client logs the outage once); Telegram sends the update again either way.
            const unavailable = serviceUnavailable(error);
            if (unavailable) throw unavailable;
            // Never let the update (citizen text) reach a log line.
            log.warn({ err: (error as { error?: Error }).error?.message ?? String(error) }, "update failed");
            throw new HttpError(500, "update_failed", "Chưa xử lý được tin nhắn, Telegram sẽ gửi lại.");
          }
        },
      }),
    );
  }

  const journal = redisUpdateJournal(deps.redis, deps.prefix);
  let runner: RunnerHandle | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  const mode = webhook ? "webhook" : "polling";
  let status: TelegramStatus = { mode, state: "starting", since: new Date().toISOString() };
  const setState = (state: TelegramStatus["state"], extra: Partial<TelegramStatus> = {}) => {
    if (status.state !== state || extra.error !== status.error)
      status = { mode, state, since: new Date().toISOString(), ...extra };
    else status = { ...status, ...extra };
  };
  const receiving = () => {
    failures = 0;
    if (status.state !== "receiving") {
      if (status.state !== "starting") log.info("Telegram updates are coming in again");
      setState("receiving");
    }
  };

  async function connect(): Promise<void> {
    await bot.init();
    await bot.api
      .setMyCommands([...TELEGRAM_COMMANDS])
      .catch((err: Error) => log.warn({ err: err.message }, "setMyCommands failed"));
    if (webhook) {
      await bot.api.setWebhook(webhook.url, {
        secret_token: webhook.secret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      log.info({ path: webhook.path }, "Telegram webhook set");
      receiving();
      return;
    }
    await bot.api.deleteWebhook();
    // Updates fetched before a crash but never finished: handled once more, in order.
    for (const update of await journal.pending()) {
      await bot.handleUpdate(update).catch((err) => bot.errorHandler(err));
      await journal.remove(update.update_id);
    }
    if (closed) return;
    runner = run(
      {
        init: () => bot.init(),
        handleUpdate: async (update: Update) => {
          await bot.handleUpdate(update);
          await journal.remove(update.update_id);
        },
        errorHandler: (err: unknown) => bot.errorHandler(err as BotError),
        api: {
          getUpdates: async (args, signal) => {
            const updates = await bot.api.getUpdates(
              { ...args, allowed_updates: [...ALLOWED_UPDATES] },
              signal,
            );
            // Written down before the next getUpdates confirms them to Telegram.
            await journal.add(updates);
            receiving();
            return updates;
          },
        },
      },
      {
        runner: {
          fetch: { timeout: deps.pollTimeoutSeconds ?? 30 },
          silent: true,
          retryInterval: "exponential",
        },
      },
    );
    // The runner retries network errors itself but stops for good on 409 and 401: start again later.
    runner.task()?.catch((error: unknown) => {
      runner = undefined;
      retryLater(error);
    });
    log.info("Telegram long polling started");
  }

  /**
   * 409 (a second poller: a rolling deploy, another replica, the production token run on a laptop)
   * and 401 (a revoked token) show in the status and are tried again with backoff, so the bot comes
   * back by itself when the other poller stops or the token is restored.
   */
  function retryLater(error: unknown): void {
    if (closed) return;
    const code = errorCode(error);
    const description = (error as { description?: string }).description ?? (error as Error).message;
    const delay = Math.min((deps.reconnectMs ?? RECONNECT_MS) * 2 ** failures, RECONNECT_MAX_MS);
    failures += 1;
    const retryAt = new Date(Date.now() + delay).toISOString();
    setState(code === 409 ? "conflict" : code === 401 ? "unauthorized" : "unreachable", {
      error: description,
      retryAt,
    });
    log.warn(
      { err: description, code, retryInMs: delay },
      "Telegram refused or did not answer; trying again",
    );
    retryTimer = setTimeout(() => void connectOrRetry(), delay);
  }

  async function connectOrRetry(): Promise<void> {
    if (closed) return;
    try {
      await connect();
    } catch (error) {
      retryLater(error);
    }
  }
  await connectOrRetry();

  return {
    bot,
    outbound,
    status: () => status,
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await runner?.stop();
      await outbound.close();
    },
  };
}
