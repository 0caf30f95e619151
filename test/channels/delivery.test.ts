import { Api } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  createJobQueue,
  type JobQueue,
  redisChatPacer,
  redisSentMarkers,
} from "../../src/channels/outbound/index.js";
import {
  type TelegramOutboundJob,
  telegramDelivery,
  telegramOutboundJobSchema,
} from "../../src/channels/telegram/index.js";
import {
  redisZaloTokenStore,
  type ZaloOutboundJob,
  zaloClient,
  zaloDelivery,
  zaloOutboundJobSchema,
  zaloOutsideWindowKey,
} from "../../src/channels/zalo/index.js";
import { createLogger } from "../../src/logging/index.js";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.js";
import { type FakeZalo, startFakeZalo } from "../support/fake-zalo.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

const logger = createLogger("silent");
let redis: Redis;
let prefix: string;
let fake: FakeZalo;
const queues: JobQueue<unknown>[] = [];

beforeAll(() => {
  redis = redisClient();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = randomName("dl");
  fake = await startFakeZalo();
});
afterEach(async () => {
  for (const q of queues.splice(0)) await q.close();
  await fake.close();
  await deleteKeys(redis, prefix);
});

function tokenStore() {
  return redisZaloTokenStore({
    redis,
    prefix,
    oauthBase: fake.url,
    appId: fake.appId,
    appSecret: fake.appSecret,
  });
}

async function zaloQueue(now?: () => number): Promise<JobQueue<ZaloOutboundJob>> {
  const tokens = tokenStore();
  await tokens.seed(fake.initial.accessToken, fake.initial.refreshToken);
  const queue = createJobQueue<ZaloOutboundJob>({
    name: "outbound-zalo",
    redisUrl: inject("redisUrl"),
    prefix: `${prefix}:bull`,
    schema: zaloOutboundJobSchema,
    process: zaloDelivery({
      client: zaloClient({ apiBase: fake.url, tokens }),
      markers: redisSentMarkers(redis, prefix),
      redis,
      prefix,
      replyWindowMs: 168 * 3_600_000,
      now,
    }),
    concurrency: 4,
    attempts: 5,
    backoffMs: 100,
    lockSeconds: 30,
    logger,
  });
  queues.push(queue as JobQueue<unknown>);
  return queue;
}

describe("Zalo access tokens", () => {
  it("uses the refresh token once when 10 refreshes run at the same time", async () => {
    const tokens = tokenStore();
    await tokens.seed(fake.initial.accessToken, fake.initial.refreshToken);
    fake.expireAccessToken();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => tokens.refresh(fake.initial.accessToken)),
    );
    expect(new Set(results)).toEqual(new Set(["acc-1"]));
    expect(fake.refreshes).toEqual([{ refreshToken: "ref-0", accepted: true }]);
    expect(await redis.hgetall(`${prefix}:zalo:tokens`)).toMatchObject({ access: "acc-1", refresh: "ref-1" });
  });

  it("is refused by Zalo when a spent refresh token is used again", async () => {
    const res = await fetch(`${fake.url}/v4/oa/access_token`, {
      method: "POST",
      headers: { secret_key: fake.appSecret, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ refresh_token: "ref-0", app_id: fake.appId, grant_type: "refresh_token" }),
    });
    expect((await res.json()).access_token).toBe("acc-1");
    const again = await fetch(`${fake.url}/v4/oa/access_token`, {
      method: "POST",
      headers: { secret_key: fake.appSecret, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ refresh_token: "ref-0", app_id: fake.appId, grant_type: "refresh_token" }),
    });
    expect(await again.json()).toMatchObject({ error: -14014 });
  });

  it("sends 10 messages at once with an expired token after a single refresh", async () => {
    const tokens = tokenStore();
    await tokens.seed(fake.initial.accessToken, fake.initial.refreshToken);
    fake.expireAccessToken();
    const client = zaloClient({ apiBase: fake.url, tokens });
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.sendText(`u${i}`, `tin ${i}`)));
    expect(fake.delivered).toHaveLength(10);
    expect(fake.refreshes).toHaveLength(1);
  });

  it("does not seed over a pair refreshed earlier (a restart keeps the newest tokens)", async () => {
    const tokens = tokenStore();
    await tokens.seed(fake.initial.accessToken, fake.initial.refreshToken);
    await tokens.refresh(fake.initial.accessToken);
    await tokens.seed(fake.initial.accessToken, fake.initial.refreshToken);
    expect(await tokens.accessToken()).toBe("acc-1");
  });
});

describe("outbound delivery", () => {
  it("never sends a piece twice when a job is retried after part of it was delivered", async () => {
    const queue = await zaloQueue();
    fake.failNext(1, (text) => text === "phần hai");
    await queue.add("zl-retry", {
      key: "zl-retry",
      userId: "u1",
      pieces: ["phần một", "phần hai"],
      interactedAt: Date.now(),
    });
    const sent = await fake.waitForDelivered("u1", 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.map((d) => d.text)).toEqual(["phần một", "phần hai"]);
    expect(fake.deliveredTo("u1")).toHaveLength(2);
    const job = await queue.queue.getJob("zl-retry");
    expect(job?.attemptsMade).toBeGreaterThanOrEqual(1);
  });

  it("adds a job with an id already queued only once", async () => {
    const queue = await zaloQueue();
    const job = { key: "zl-once", userId: "u2", pieces: ["một lần"], interactedAt: Date.now() };
    await Promise.all([queue.add("zl-once", job), queue.add("zl-once", job), queue.add("zl-once", job)]);
    await fake.waitForDelivered("u2", 1);
    await queue.add("zl-once", job);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.deliveredTo("u2")).toHaveLength(1);
  });

  it("does not send a reply outside Zalo's reply window; it records it once for staff", async () => {
    const interactedAt = Date.now() - 169 * 3_600_000;
    const queue = await zaloQueue();
    const job = { key: "zl-late", userId: "u3", pieces: ["trả lời muộn"], interactedAt };
    await queue.add("zl-late", job);
    for (let i = 0; i < 50 && !(await redis.llen(zaloOutsideWindowKey(prefix))); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const process = zaloDelivery({
      client: { sendText: async () => expect.unreachable() },
      markers: redisSentMarkers(redis, prefix),
      redis,
      prefix,
      replyWindowMs: 168 * 3_600_000,
    });
    await process(job);
    const entries = (await redis.lrange(zaloOutsideWindowKey(prefix), 0, -1)).map((e) => JSON.parse(e));
    expect(entries).toEqual([
      expect.objectContaining({
        key: "zl-late",
        userId: "u3",
        pieces: ["trả lời muộn"],
        reason: "outside-reply-window",
      }),
    ]);
    expect(fake.messageRequests).toBe(0);
  });
});

describe("Telegram delivery", () => {
  let telegram: FakeTelegram;
  beforeEach(async () => {
    telegram = await startFakeTelegram();
  });
  afterEach(async () => {
    await telegram.close();
  });

  function telegramQueue(intervalMs: number): JobQueue<TelegramOutboundJob> {
    const api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
    const queue = createJobQueue<TelegramOutboundJob>({
      name: "outbound-telegram",
      redisUrl: inject("redisUrl"),
      prefix: `${prefix}:bull`,
      schema: telegramOutboundJobSchema,
      process: telegramDelivery({
        api,
        markers: redisSentMarkers(redis, prefix),
        pacer: redisChatPacer(redis, prefix, intervalMs),
      }),
      concurrency: 8,
      attempts: 3,
      backoffMs: 100,
      lockSeconds: 30,
      limiter: { max: 30, duration: 1000 },
      logger,
    });
    queues.push(queue as JobQueue<unknown>);
    return queue;
  }

  it("paces messages to one chat (1 per interval) without holding up other chats", async () => {
    const queue = telegramQueue(300);
    const started = Date.now();
    await queue.add("tg-a", {
      key: "tg-a",
      chatId: 11,
      pieces: [{ html: "1" }, { html: "2" }, { html: "3" }],
    });
    await queue.add("tg-b", { key: "tg-b", chatId: 12, pieces: [{ html: "khác" }] });
    await telegram.waitForSent(12, 1);
    expect(Date.now() - started).toBeLessThan(500);
    await telegram.waitForSent(11, 3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(telegram.sentTo(11).map((m) => m.text)).toEqual(["1", "2", "3"]);
  });

  it("keeps a job Telegram refuses (chat not found) among the failed jobs, without retrying it", async () => {
    const queue = telegramQueue(0);
    await queue.add("tg-bad", { key: "tg-bad", chatId: 0, pieces: [{ html: "không tới" }] });
    let failed = await queue.queue.getFailed();
    for (let i = 0; i < 50 && !failed.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      failed = await queue.queue.getFailed();
    }
    expect(failed.map((j) => j.id)).toEqual(["tg-bad"]);
    expect(failed[0]?.attemptsMade).toBe(1);
    expect(failed[0]?.failedReason).toMatch(/chat not found/);
  });
});
