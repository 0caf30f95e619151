import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Router } from "express";
import type { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { type App, createApp } from "../../../src/app.js";
import { type Channels, startChannels } from "../../../src/channels/index.js";
import type { Config } from "../../../src/config/index.js";
import type { Engine } from "../../../src/core/index.js";
import { fastRoutes } from "../../../src/http/index.js";
import { type FakeTelegram, startFakeTelegram } from "../../support/fake-telegram.js";
import { testServices } from "../../support/test-services.js";

/** The app wired as main.ts wires it, with the messenger channels, in this process. */
export interface ChannelApp extends App {
  readonly baseUrl: string;
  readonly config: Config;
  readonly redis: Redis;
  readonly channels: Channels;
  readonly prefix: string;
  close(): Promise<void>;
}

/**
 * Starts the app with its channels on a random port, with its own FAQ index, key prefix and queue
 * names. `engine` replaces the real engine (for channel-only tests); `index: false` skips indexing.
 */
export async function startChannelApp(
  env: Record<string, string>,
  options: {
    index?: boolean;
    engine?: Engine;
    beforeStart?: (redis: Redis, prefix: string) => Promise<void>;
    /** First wait before Telegram is tried again after a 409/401 (default: the app's). */
    telegramReconnectMs?: number;
  } = {},
): Promise<ChannelApp> {
  const services = await testServices(
    { TELEGRAM_CHAT_INTERVAL_MS: "0", OUTBOUND_BACKOFF_MS: "200", ...env },
    { index: options.index, namePrefix: "ch", logLevel: process.env.TEST_LOG_LEVEL },
  );
  const { name, config, logger, redis, meili } = services;
  await options.beforeStart?.(redis, name);
  const router = Router();
  const webhooks = fastRoutes();
  const built = await createApp({ config, logger, redis, meili, rawRouters: [router] });
  const channels = await startChannels({
    config,
    logger,
    redis,
    engine: options.engine ?? built.engine,
    router,
    fastRoutes: webhooks,
    pollTimeoutSeconds: 1,
    reconnectMs: options.telegramReconnectMs,
    onOutboundFailure: built.onOutboundFailure,
  });
  built.attachChannels(channels);
  const server: Server = await new Promise((resolve) => {
    const s = createServer(webhooks.inFrontOf(built.app)).listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    ...built,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    config,
    redis,
    channels,
    prefix: name,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await channels.close();
      await built.close();
      await services.release({ keepIndex: options.index === false });
    },
  };
}

/** An engine that repeats what it was sent: for tests of the channels alone. */
export function echoEngine(): Engine {
  return {
    async handle(message) {
      return {
        kind: "fallback",
        text: `Bạn hỏi: ${message.text}`,
        suggestions: [],
        buttons: [{ label: "Gặp cán bộ trợ giúp pháp lý", action: { type: "escalate" } }],
        language: "vi",
      };
    },
  };
}

/**
 * The Telegram channel tests' set-up: before the file's tests, the app with Telegram on, talking to a
 * fresh fake Bot API (handed to `started`); after them, both closed.
 */
export function useTelegramChannelApp(started: (t: { fake: FakeTelegram; app: ChannelApp }) => void): void {
  let fake: FakeTelegram | undefined;
  let app: ChannelApp | undefined;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    app = await startChannelApp({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    started({ fake, app });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
}
