import { Queue } from "bullmq";
import { Router } from "express";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaqSearch } from "../../src/core/index.js";
import { addressAllowList, metricsRouter } from "../../src/http/metrics/index.js";
import { createAppMetrics } from "../../src/metrics/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";
import { serve } from "./serve.js";

const TOKEN = "scrape-token-0123456789abcdef";

describe("address allow list", () => {
  const list = addressAllowList(["127.0.0.1/32", "10.1.0.0/16", "::1/128", "fd00::/8", "192.168.5.7"]);

  it("allows addresses inside IPv4 and IPv6 ranges, including IPv4-mapped IPv6", () => {
    for (const a of ["127.0.0.1", "::ffff:127.0.0.1", "10.1.200.3", "::1", "fd12:3456::1", "192.168.5.7"]) {
      expect(list.allows(a), a).toBe(true);
    }
  });

  it("refuses addresses outside them and garbage", () => {
    for (const a of [
      "127.0.0.2",
      "::ffff:10.2.0.1",
      "10.2.0.1",
      "fe80::1",
      "192.168.5.8",
      "",
      "localhost",
      undefined,
    ]) {
      expect(list.allows(a), String(a)).toBe(false);
    }
  });

  it("throws on a range that is not one", () => {
    expect(() => addressAllowList(["10.0.0.0/33"])).toThrow();
    expect(() => addressAllowList(["example.org"])).toThrow();
    expect(() => addressAllowList(["10.0.0.0/x"])).toThrow();
  });
});

describe("GET /metrics", () => {
  const registry = new Registry();
  createAppMetrics(registry);
  const servers: Awaited<ReturnType<typeof serve>>[] = [];
  const start = async (allow: string[], host?: string) => {
    const s = await serve([metricsRouter({ registry, allow, token: TOKEN })], { host });
    servers.push(s);
    return s.url;
  };
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it("serves an allowed address, also as an IPv4-mapped IPv6 address on a dual-stack socket", async () => {
    const v4 = await fetch(`${await start(["127.0.0.1/32"])}/metrics`);
    expect(v4.status).toBe(200);
    expect(v4.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await v4.text()).toContain("http_request_duration_seconds");
    const mapped = await fetch(`${await start(["127.0.0.0/8"], "::")}/metrics`);
    expect(mapped.status).toBe(200);
  });

  it("refuses an address outside the ranges with 403, a wrong token with 401, and takes the right token", async () => {
    const url = `${await start(["10.0.0.0/8", "2001:db8::/32"])}/metrics`;
    expect((await fetch(url)).status).toBe(403);
    const wrong = await fetch(url, { headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.status).toBe(401);
    expect((await fetch(url, { headers: { authorization: TOKEN } })).status).toBe(401);
    const right = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
  });

  it("never serves with a token when none is configured", async () => {
    const s = await serve([metricsRouter({ registry, allow: ["10.0.0.0/8"] })]);
    servers.push(s);
    expect((await fetch(`${s.url}/metrics`, { headers: { authorization: "Bearer " } })).status).toBe(401);
    expect((await fetch(`${s.url}/metrics`, { headers: { authorization: "Bearer undefined" } })).status).toBe(
      401,
    );
  });
});

describe("app metrics", () => {
  const redis = redisClient();
  const prefix = randomName("mq");
  let queue: Queue;
  beforeAll(() => {
    queue = new Queue("outbound-test", { connection: { url: "redis://127.0.0.1:6379" }, prefix });
  });
  afterAll(async () => {
    await queue.close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it("labels request durations with the route pattern, never the raw path", async () => {
    const registry = new Registry();
    const metrics = createAppMetrics(registry);
    const router = Router();
    router.use(metrics.httpMiddleware);
    router.get("/api/v1/faqs/:id", (_req, res) => {
      res.json({ ok: true });
    });
    const s = await serve([router]);
    await fetch(`${s.url}/api/v1/faqs/0912345678`);
    await fetch(`${s.url}/no/such/0987654321`);
    await s.close();
    const text = await registry.metrics();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/faqs\/:id",status="200"\} 1/,
    );
    expect(text).toMatch(/route="unmatched",status="404"/);
    expect(text).not.toContain("0912345678");
    expect(text).not.toContain("0987654321");
  });

  it("reads queue depths at scrape time and times searches", async () => {
    const registry = new Registry();
    const metrics = createAppMetrics(registry);
    // The Zalo inbox reports only its waiting events; the other states read 0.
    metrics.watchQueues([queue, { name: "zalo-inbox", getJobCounts: async () => ({ waiting: 4 }) }]);
    await queue.add("send", { n: 1 });
    await queue.add("send", { n: 2 });
    await queue.add("send", { n: 3 }, { delay: 60_000 });
    const fake: FaqSearch = { search: async () => [], get: async () => undefined };
    const failing: FaqSearch = {
      search: () => Promise.reject(new Error("down")),
      get: async () => undefined,
    };
    await metrics.wrapSearch(fake).search("đất", { limit: 3 });
    await expect(metrics.wrapSearch(failing).search("đất", { limit: 3 })).rejects.toThrow("down");
    metrics.outboundFailures.inc({ platform: "zalo" });
    metrics.slaBreaches.inc({ channel: "web" });
    const text = await registry.metrics();
    expect(text).toContain('queue_jobs{queue="outbound-test",state="waiting"} 2');
    expect(text).toContain('queue_jobs{queue="outbound-test",state="delayed"} 1');
    expect(text).toContain('queue_jobs{queue="zalo-inbox",state="waiting"} 4');
    expect(text).toContain('queue_jobs{queue="zalo-inbox",state="active"} 0');
    expect(text).toContain('faq_search_duration_seconds_count{outcome="ok"} 1');
    expect(text).toContain('faq_search_duration_seconds_count{outcome="error"} 1');
    expect(text).toContain('outbound_failures_total{platform="zalo"} 1');
    expect(text).toContain('case_sla_breaches_total{channel="web"} 1');
  });
});
