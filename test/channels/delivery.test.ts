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
  redisZaloLastInbound,
  redisZaloTokenStore,
  type ZaloOutboundJob,
  zaloClient,
  zaloDelivery,
  zaloKeys,
  zaloOutboundJobSchema,
} from "../../src/channels/zalo/index.js";
import { createLogger } from "../../src/logging/index.js";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.js";
import { type FakeZalo, startFakeZalo, ZALO_ERRORS } from "../support/fake-zalo.js";
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

function tokenStore(now?: () => number) {
  return redisZaloTokenStore({
    redis,
    prefix,
    oauthBase: fake.url,
    appId: fake.appId,
    appSecret: fake.appSecret,
    now,
  });
}

async function zaloQueue(now?: () => number): Promise<JobQueue<ZaloOutboundJob>> {
  const tokens = tokenStore();
  await tokens.seed(fake.initial.accessToken, fake.initial.refreshToken);
  const queue = createJobQueue<ZaloOutboundJob>({
    name: "outbound-zalo",
    redisEndpoint: { url: inject("redisUrl") },
    prefix,
    schema: zaloOutboundJobSchema,
    process: zaloDelivery({
      client: zaloClient({ apiBase: fake.url, tokens }),
      markers: redisSentMarkers(redis, prefix),
      redis,
      prefix,
      replyWindowMs: 168 * 3_600_000,
      lastInbound: redisZaloLastInbound(redis, prefix),
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
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.send(`u${i}`, { text: `tin ${i}` })));
    expect(fake.delivered).toHaveLength(10);
    expect(fake.refreshes).toHaveLength(1);
  });

  it.each([
    ["expired (-220)", () => fake.expireAccessToken()],
    ["invalid (-216)", () => fake.invalidateAccessToken()],
  ])("refreshes an access token Zalo calls %s and sends again", async (_, kill) => {
    const tokens = tokenStore();
    await tokens.seed(fake.initial.accessToken, fake.initial.refreshToken);
    kill();
    const sent = await zaloClient({ apiBase: fake.url, tokens }).send("u1", { text: "xin chào" });
    expect(sent.messageId).toMatch(/^[0-9a-f]{32}$/);
    expect(fake.deliveredTo("u1")).toEqual([expect.objectContaining({ accessToken: "acc-1" })]);
  });

  it("refreshes ahead of expiry on schedule: at once when the expiry is unknown, then an hour before", async () => {
    let clock = Date.now();
    const a = tokenStore(() => clock);
    const b = tokenStore(() => clock);
    await a.seed(fake.initial.accessToken, fake.initial.refreshToken);
    // Two instances check at the same time: one refresh, the other takes its result.
    const done = await Promise.all([a.refreshIfDue(3_600_000), b.refreshIfDue(3_600_000)]);
    expect(done.filter(Boolean)).toHaveLength(1);
    expect(fake.refreshes).toEqual([{ refreshToken: "ref-0", accepted: true }]);
    expect(await a.expiresAt()).toBe(clock + 90_000_000);
    clock += 23 * 3_600_000;
    expect(await a.refreshIfDue(3_600_000)).toBe(false);
    clock += 1.5 * 3_600_000;
    expect(await b.refreshIfDue(3_600_000)).toBe(true);
    expect(fake.refreshes.map((r) => r.refreshToken)).toEqual(["ref-0", "ref-1"]);
    expect(await a.accessToken()).toBe("acc-2");
  });

  it("keeps Zalo's reason when a refresh is refused with error_name (HTTP 200), and keeps the pair", async () => {
    const tokens = tokenStore();
    await tokens.seed(fake.initial.accessToken, fake.initial.refreshToken);
    fake.failRefreshNext({
      body: { error_name: "Invalid refresh token", error_description: "Refresh token is expired" },
    });
    await expect(tokens.refresh(fake.initial.accessToken)).rejects.toThrow(
      "token refresh refused: Invalid refresh token: Refresh token is expired",
    );
    fake.failRefreshNext({
      status: 400,
      body: { error: -14020, error_name: "Invalid app id", error_description: "app_id is invalid" },
    });
    await expect(tokens.refresh(fake.initial.accessToken)).rejects.toMatchObject({
      zaloCode: -14020,
      message: "token refresh refused: -14020 Invalid app id: app_id is invalid",
    });
    expect(await redis.hgetall(`${prefix}:zalo:tokens`)).toMatchObject({ access: "acc-0", refresh: "ref-0" });
  });

  it("replaces a dead pair on request (npm run zalo:tokens), unlike seeding", async () => {
    const tokens = tokenStore();
    await tokens.seed("dead-access", "dead-refresh");
    await tokens.seed(fake.initial.accessToken, fake.initial.refreshToken);
    expect(await tokens.accessToken()).toBe("dead-access");
    await tokens.replace(fake.initial.accessToken, fake.initial.refreshToken);
    expect(await tokens.accessToken()).toBe("acc-0");
    expect(await tokens.expiresAt()).toBeUndefined();
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
    for (let i = 0; i < 50 && !(await redis.llen(zaloKeys(prefix).outsideWindow)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const process = zaloDelivery({
      client: { send: async () => expect.unreachable() },
      markers: redisSentMarkers(redis, prefix),
      redis,
      prefix,
      replyWindowMs: 168 * 3_600_000,
    });
    await process(job);
    const entries = (await redis.lrange(zaloKeys(prefix).outsideWindow, 0, -1)).map((e) => JSON.parse(e));
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

describe("Zalo's answers on delivery", () => {
  async function finished(queue: JobQueue<ZaloOutboundJob>, id: string) {
    for (let i = 0; i < 100; i++) {
      const state = await queue.queue.getJobState(id);
      if (state === "completed" || state === "failed") return state;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${id} did not finish`);
  }

  it("records Zalo's message id and quota with the sent marker", async () => {
    const queue = await zaloQueue();
    await queue.add("zl-ids", { key: "zl-ids", userId: "u5", pieces: ["một"], interactedAt: Date.now() });
    expect(await finished(queue, "zl-ids")).toBe("completed");
    const marker = JSON.parse((await redisSentMarkers(redis, prefix).get("zl-ids-0")) ?? "{}");
    expect(marker).toMatchObject({ messageId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(marker.quota).toEqual({ dailyQuota: "5000", remainingQuota: "4999" });
    expect(JSON.parse((await redis.get(zaloKeys(prefix).quota)) ?? "{}")).toEqual(marker.quota);
  });

  it.each([
    ["not a follower", ZALO_ERRORS.notFollower],
    ["bad parameters", ZALO_ERRORS.invalidParam],
    ["restricted by the user", ZALO_ERRORS.restricted],
  ])("gives up at once, without retrying, when Zalo refuses for good (%s)", async (_, answer) => {
    const queue = await zaloQueue();
    fake.answerNextWith(answer, 10);
    await queue.add("zl-perm", { key: "zl-perm", userId: "u6", pieces: ["một"], interactedAt: Date.now() });
    expect(await finished(queue, "zl-perm")).toBe("failed");
    const job = await queue.queue.getJob("zl-perm");
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toContain(String(answer.error));
    expect(fake.messageRequests).toBe(1);
  });

  it("retries when Zalo says the app is over its call limit (-32)", async () => {
    const queue = await zaloQueue();
    fake.answerNextWith(ZALO_ERRORS.rateLimited, 2);
    await queue.add("zl-busy", { key: "zl-busy", userId: "u7", pieces: ["một"], interactedAt: Date.now() });
    await fake.waitForDelivered("u7", 1);
    expect(fake.messageRequests).toBe(3);
  });

  it.each([ZALO_ERRORS.noRecentInteraction, ZALO_ERRORS.interactionExpired])(
    "records a reply Zalo refuses as outside the window ($error) for staff, once, and does not retry",
    async (answer) => {
      const queue = await zaloQueue();
      const last = redisZaloLastInbound(redis, prefix);
      await last.record("u8", Date.now() - 60_000);
      fake.answerNextWith(answer, 10);
      const job = { key: "zl-win", userId: "u8", pieces: ["một", "hai"], interactedAt: Date.now() - 60_000 };
      await queue.add("zl-win", job);
      expect(await finished(queue, "zl-win")).toBe("completed");
      expect(fake.messageRequests).toBe(1);
      const entries = (await redis.lrange(zaloKeys(prefix).outsideWindow, 0, -1)).map((e) => JSON.parse(e));
      expect(entries).toEqual([
        expect.objectContaining({ key: "zl-win", pieces: ["một", "hai"], reason: `zalo-${answer.error}` }),
      ]);
      // Staff pages stop offering the chat until the citizen writes again.
      expect(await last.windowOpen("u8", Date.now(), 168 * 3_600_000)).toBe(false);
      await last.record("u8", Date.now() + 1);
      expect(await last.windowOpen("u8", Date.now() + 2, 168 * 3_600_000)).toBe(true);
    },
  );
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
      redisEndpoint: { url: inject("redisUrl") },
      prefix,
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
