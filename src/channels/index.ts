import type { Router } from "express";
import type { Redis } from "ioredis";
import type { Config } from "../config/index.js";
import type { Engine } from "../core/index.js";
import type { FastRoutes } from "../http/index.js";
import type { Logger } from "../logging/index.js";
import { startTelegram, type TelegramChannel } from "./telegram/index.js";
import { startZalo, ZALO_WEBHOOK_PATH, type ZaloChannel, zaloUrlCheckOnly } from "./zalo/index.js";

/** The messenger channels that are configured, running. */
export interface Channels {
  readonly telegram?: TelegramChannel;
  readonly zalo?: ZaloChannel;
  /** Stops polling, lets running jobs finish, closes the queues. */
  close(): Promise<void>;
}

/**
 * Starts Telegram when TELEGRAM_BOT_TOKEN is set and Zalo when ZALO_APP_ID and ZALO_OA_SECRET_KEY
 * are. Telegram's webhook goes on `router`, which the app mounts before its JSON parser; Zalo's on
 * `fastRoutes`, in front of express (its acknowledgement is the hot path).
 */
export async function startChannels(deps: {
  config: Config;
  logger: Logger;
  redis: Redis;
  engine: Engine;
  router: Router;
  fastRoutes: FastRoutes;
  /** Counts outbound messages given up on after their last retry. */
  onOutboundFailure?: (platform: "telegram" | "zalo") => void;
  /** Long-polling timeout in seconds (tests shorten it). */
  pollTimeoutSeconds?: number;
  /** First wait before Telegram is tried again after a 409, 401 or network failure (tests shorten it). */
  telegramReconnectMs?: number;
}): Promise<Channels> {
  const { config } = deps;
  const common = {
    outbound: config.channels.outbound,
    engine: deps.engine,
    redis: deps.redis,
    redisUrl: config.redis.url,
    prefix: config.redis.prefix,
    logger: deps.logger,
    router: deps.router,
    onOutboundFailure: deps.onOutboundFailure,
  };
  const started: { telegram?: TelegramChannel; zalo?: ZaloChannel } = {};
  try {
    if (config.channels.zalo) {
      started.zalo = await startZalo({ ...common, fastRoutes: deps.fastRoutes, zalo: config.channels.zalo });
    } else {
      // Zalo shows the OA secret key only once the webhook URL is saved, and checks the URL first.
      deps.fastRoutes.post(
        ZALO_WEBHOOK_PATH,
        zaloUrlCheckOnly({
          onUrlCheck: () =>
            deps.logger.info("Zalo checked the webhook URL before Zalo is configured: answered 200"),
        }),
      );
    }
    if (config.channels.telegram) {
      started.telegram = await startTelegram({
        ...common,
        telegram: config.channels.telegram,
        pollTimeoutSeconds: deps.pollTimeoutSeconds,
        reconnectMs: deps.telegramReconnectMs,
      });
    }
  } catch (error) {
    await started.zalo?.close();
    await started.telegram?.close();
    throw error;
  }
  return {
    ...started,
    async close() {
      await Promise.all([started.telegram?.close(), started.zalo?.close()]);
    },
  };
}

export type {
  ChannelCapabilities,
  ChannelDefinition,
  CitizenMessengerDeps,
  DeskDelivery,
  DeskMessage,
} from "./channel-definition.js";
export { defineChannel } from "./channel-definition.js";
export {
  type ChannelId,
  type ChannelRegistry,
  channelRegistry,
  createChannelRegistry,
} from "./channel-registry.js";
export { citizenMessenger } from "./citizen-messenger.js";
export * as outbound from "./outbound/index.js";
export * as telegram from "./telegram/index.js";
export { UnknownChannelError } from "./unknown-channel-error.js";
export * as zalo from "./zalo/index.js";
