import { autoRetry } from "@grammyjs/auto-retry";
import { type RunnerHandle, run } from "@grammyjs/runner";
import type { Router } from "express";
import { Bot, type BotError } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Config } from "../../config/index.js";
import type { Engine } from "../../core/index.js";
import { HttpError } from "../../http/index.js";
import type { Logger } from "../../logging/index.js";
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
  readonly redisUrl: string;
  /** REDIS_PREFIX: every key and queue of the channel lives under it. */
  readonly prefix: string;
  readonly logger: Logger;
  /** Where the webhook route is mounted (before the app's JSON parser). */
  readonly router: Router;
  /** Long-polling timeout in seconds (Telegram's maximum wait for new updates). */
  readonly pollTimeoutSeconds?: number;
}

/** A running Telegram channel. */
export interface TelegramChannel {
  readonly bot: Bot;
  readonly outbound: JobQueue<TelegramOutboundJob>;
  close(): Promise<void>;
}

const ALLOWED_UPDATES = ["message", "callback_query"] as const;
const RECONNECT_MS = 10_000;

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
    redisUrl: deps.redisUrl,
    prefix: `${deps.prefix}:bull`,
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
            // Never let the update (citizen text) reach a log line; Telegram will send it again.
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
    runner.task()?.catch((err: Error) => log.error({ err: err.message }, "Telegram polling stopped"));
    log.info("Telegram long polling started");
  }

  async function connectOrRetry(): Promise<void> {
    try {
      await connect();
    } catch (error) {
      if (closed) return;
      log.warn({ err: (error as Error).message }, "Telegram did not answer; trying again in 10 s");
      retryTimer = setTimeout(() => void connectOrRetry(), RECONNECT_MS);
    }
  }
  await connectOrRetry();

  return {
    bot,
    outbound,
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await runner?.stop();
      await outbound.close();
    },
  };
}
