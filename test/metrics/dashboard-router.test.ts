import type { RequestHandler } from "express";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callsRouter, dashboardRouter } from "../../src/http/metrics/index.js";
import {
  createMetricsIngester,
  type MetricsIngester,
  redisCallLog,
  redisReports,
} from "../../src/metrics/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";
import { serve } from "./serve.js";

/** A stand-in for the staff-session check: 401 without a session header. */
const fakeStaff: RequestHandler = (req, res, next) => {
  if (!req.get("x-test-user")) {
    res.status(401).json({ error: { code: "unauthorized", message: "Bạn cần đăng nhập." } });
    return;
  }
  next();
};

describe("staff dashboard and call log API", () => {
  let redis: Redis;
  let prefix: string;
  let ingester: MetricsIngester;
  let server: Awaited<ReturnType<typeof serve>>;
  const staff = { "x-test-user": "canbo1" };

  beforeAll(async () => {
    redis = redisClient();
    prefix = randomName("metrics");
    ingester = createMetricsIngester({ redis, prefix, retentionDays: 400 });
    server = await serve([
      dashboardRouter({ reports: redisReports({ redis, prefix }), authorize: fakeStaff }),
      callsRouter({
        callLog: redisCallLog({ redis, prefix }),
        authorize: fakeStaff,
        username: (req) => req.get("x-test-user"),
      }),
    ]);
  });
  afterAll(async () => {
    await server.close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  const postCall = (body: unknown, headers: Record<string, string> = staff) =>
    fetch(`${server.url}/api/v1/staff/calls`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const dashboard = (query: string, headers: Record<string, string> = staff) =>
    fetch(`${server.url}/api/v1/staff/dashboard${query}`, { headers });

  it("refuses the data and the call log without a staff session", async () => {
    expect((await dashboard("?from=2026-03-01&to=2026-03-31", {})).status).toBe(401);
    expect((await postCall({}, {})).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/staff/calls/options`)).status).toBe(401);
  });

  it("logs a call which then appears in the dashboard's counts", async () => {
    const call = {
      time: "2026-03-03T09:15:00+07:00",
      durationSeconds: 240,
      topic: "bao-luc-gia-dinh",
      callerGroup: "domestic-violence-victim",
      outcome: "referred-to-legal-aid-procedure",
      note: "chị gọi từ số 0912 345 678",
    };
    const res = await postCall(call);
    expect(res.status).toBe(201);
    await ingester.drain();
    const body = await (await dashboard("?from=2026-03-01&to=2026-03-31&channel=phone")).json();
    expect(body.totals).toMatchObject({ contacts: 1, calls: 1 });
    expect(body.days).toHaveLength(31);
    expect(body.days.find((d: { day: string }) => d.day === "2026-03-03")).toMatchObject({
      calls: 1,
      contacts: 1,
    });
    expect(body.topTopics).toEqual([{ key: "bao-luc-gia-dinh", label: "Bạo lực gia đình", count: 1 }]);
    expect(body.groups).toEqual([
      { key: "domestic-violence-victim", label: "Nạn nhân bạo lực gia đình", count: 1 },
    ]);
    expect(JSON.stringify(body)).not.toContain("0912");
  });

  it("answers 400 with a Vietnamese message for a bad call, range or channel", async () => {
    const bad = await postCall({
      time: "2026-03-03T09:15:00+07:00",
      durationSeconds: 10,
      topic: "dat-dai",
      callerGroup: "child",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("Bạn chọn kết quả cuộc gọi.");
    expect((await dashboard("?from=2026-03-31&to=2026-03-01")).status).toBe(400);
    const channel = await dashboard("?from=2026-03-01&to=2026-03-31&channel=facebook");
    expect(channel.status).toBe(400);
    expect((await channel.json()).error.message).toBe("Kênh là web, telegram, zalo hoặc phone.");
  });

  it("gives the call form's options with Vietnamese labels", async () => {
    const body = await (await fetch(`${server.url}/api/v1/staff/calls/options`, { headers: staff })).json();
    expect(body.callerGroups).toContainEqual({ id: "ethnic-minority", label: "Người dân tộc thiểu số" });
    expect(body.outcomes.map((o: { id: string }) => o.id)).toContain("referred-to-legal-aid-procedure");
    expect(body.topics).toContainEqual({ id: "khac", label: "Lĩnh vực khác" });
  });

  it("serves the page, its script and Chart.js from this origin under a script-src 'self' policy", async () => {
    const page = await fetch(`${server.url}/staff/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('src="/staff/vendor/chart.umd.js"');
    expect(html.match(/<option value="[a-z]*"[^>]*>[^<]*<\/option>/g)).toEqual([
      '<option value="">Tất cả</option>',
      '<option value="web">Web</option>',
      '<option value="telegram">Telegram</option>',
      '<option value="zalo">Zalo</option>',
      '<option value="phone">Điện thoại</option>',
    ]);
    expect(html).not.toMatch(/<script>(?!<\/script>)|https?:\/\//);
    for (const path of ["/staff/vendor/chart.umd.js", "/staff/dashboard/dashboard.js"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(/javascript/);
    }
    expect(await (await fetch(`${server.url}/staff/vendor/chart.umd.js`)).text()).toContain("Chart");
  });
});
