import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  askRouter,
  redisAskLimiter,
  redisWebHistory,
  redisWebInbox,
  webChatRouter,
  webInboxRouter,
} from "../../src/channels/web/index.js";
import type { Engine, FaqSearch, OrgInfo } from "../../src/core/index.js";
import { createHttpApp } from "../../src/http/index.js";
import { createLogger } from "../../src/logging/index.js";
import { launchChromium, type TestBrowser } from "../support/chromium.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

let redis: Redis;
let prefix: string;
let server: Server;
let base: string;

beforeAll(async () => {
  redis = redisClient();
  prefix = randomName("inbox");
  // An engine that hands every question to staff, so the page starts polling its inbox.
  const engine: Engine = {
    async handle() {
      return {
        kind: "escalate",
        text: "Dạ, mình chuyển bạn tới cán bộ.",
        suggestions: [],
        buttons: [],
        language: "vi",
      };
    },
  };
  const history = redisWebHistory(redis, prefix, { ttlSeconds: 600 });
  const app = createHttpApp({
    logger: createLogger("silent"),
    probes: {},
    routers: [
      webInboxRouter({ redis, prefix, history, limiter: redisAskLimiter(redis, prefix, 1000, 5, "inbox") }),
      askRouter({ engine, search: {} as FaqSearch, org: {} as OrgInfo, history }),
      webChatRouter(),
    ],
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await deleteKeys(redis, prefix);
  await redis.quit();
});

const inbox = (query: string) => fetch(`${base}/api/v1/inbox?${query}`);

describe("GET /api/v1/inbox", () => {
  it("returns the staff messages of the session after the given id, oldest first", async () => {
    const store = redisWebInbox(redis, prefix);
    const at = new Date("2026-11-27T02:00:00.000Z");
    await store.append("sessA", "TGPL-2026-000001-r1", "Dạ, cán bộ đã nhận hồ sơ của bạn.", at);
    await store.append("sessA", "TGPL-2026-000001-r2", "Bạn mang theo sổ đỏ khi đến nhé.", at);
    await store.append("sessA", "TGPL-2026-000001-r1", "lặp lại: không được thêm", at);
    await store.append("sessB", "TGPL-2026-000002-r1", "tin của phiên khác", at);

    const all = await inbox("sessionId=sessA");
    expect(all.status).toBe(200);
    expect(all.headers.get("cache-control")).toBe("no-store");
    expect(await all.json()).toEqual({
      messages: [
        { id: 1, text: "Dạ, cán bộ đã nhận hồ sơ của bạn.", at: at.toISOString() },
        { id: 2, text: "Bạn mang theo sổ đỏ khi đến nhé.", at: at.toISOString() },
      ],
    });
    const newer = (await (await inbox("sessionId=sessA&after=1")).json()) as { messages: { id: number }[] };
    expect(newer.messages.map((m) => m.id)).toEqual([2]);
    expect(await (await inbox("sessionId=nobody&after=0")).json()).toEqual({ messages: [] });
  });

  it.each([
    ["no session id", ""],
    ["a session id with other characters", "sessionId=a%3Cb%3E"],
    ["a session id too long", `sessionId=${"a".repeat(65)}`],
    ["a negative after", "sessionId=sessA&after=-1"],
    ["an after that is not a number", "sessionId=sessA&after=abc"],
    ["two session ids", "sessionId=a&sessionId=b"],
  ])("answers 400 with a readable message for %s", async (_name, query) => {
    const res = await inbox(query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/sessionId|after/);
  });

  it("answers 429 with Retry-After when a session polls too often", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await inbox("sessionId=busy")).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const res = await inbox("sessionId=busy");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("keeps a bounded, expiring list per session", async () => {
    const store = redisWebInbox(redis, prefix, { maxMessages: 3, ttlSeconds: 60 });
    for (let i = 1; i <= 5; i++) await store.append("sessC", `k-c-${i}`, `tin ${i}`, new Date());
    expect((await store.read("sessC", 0)).map((m) => m.id)).toEqual([3, 4, 5]);
    const ttl = await redis.ttl(`${prefix}:web:inbox:sessC`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });
});

describe("the web chat page and its inbox", () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it("polls only after an escalate reply and shows staff messages as labelled bubbles, once", async () => {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const polls: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/v1/inbox")) polls.push(r.url());
    });
    const poke = () => page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await page.goto(`${base}/`);
    await poke();
    await new Promise((r) => setTimeout(r, 300));
    expect(polls).toEqual([]);

    await page.getByLabel("Câu hỏi của bạn").fill("tôi cần gặp cán bộ");
    await page.getByLabel("Câu hỏi của bạn").press("Enter");
    await page.locator(".msg.kind-escalate").waitFor();
    const sessionId = await page.evaluate(() => localStorage.getItem("tlpl.sessionId") ?? "");
    // As the messenger writes a staff message: into the inbox, and into the page's history with its inbox id.
    const at = new Date();
    const inboxId = await redisWebInbox(redis, prefix).append(
      sessionId,
      "k-page-1",
      "Dạ, cán bộ sẽ gọi bạn chiều nay.",
      at,
    );
    await redisWebHistory(redis, prefix, { ttlSeconds: 600 }).append(sessionId, {
      role: "staff",
      text: "Dạ, cán bộ sẽ gọi bạn chiều nay.",
      at: at.toISOString(),
      inboxId,
    });
    await poke(); // the tab becomes visible again: it polls at once instead of in 15 s
    const staff = page.locator(".msg.staff");
    await staff.waitFor();
    expect(await staff.locator(".staff-label").textContent()).toBe("Cán bộ trợ giúp pháp lý");
    expect(await staff.locator(".bubble").textContent()).toBe("Dạ, cán bộ sẽ gọi bạn chiều nay.");
    expect(polls.at(-1)).toContain(`sessionId=${sessionId}&after=0`);

    // A reload draws the conversation again from the server, the staff message once, and polls after it.
    await page.reload();
    await page.waitForResponse((r) => r.url().includes("/api/v1/inbox"));
    expect(polls.at(-1)).toContain("after=1");
    await poke();
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.locator(".msg.staff").count()).toBe(1);
    expect(await page.locator(".msg.citizen .bubble").first().textContent()).toBe("tôi cần gặp cán bộ");
  }, 60_000);
});
