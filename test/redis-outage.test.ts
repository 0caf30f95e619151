import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { StaffAccounts } from "../src/escalation/index.js";
import { ensureRedis, freePort, type ManagedProcess } from "../src/runtime/index.js";
import { startFakeTelegram } from "./support/fake-telegram.js";
import { startFakeZalo, zaloTextEvent } from "./support/fake-zalo.js";
import { randomName, sharedServicesEnv } from "./support/services.js";
import { spawnApp } from "./support/spawn-app.js";

const PASSWORD = "mat-khau-dai-du-2026";
const TELEGRAM_PATH = "/webhooks/telegram/outage";
const TELEGRAM_SECRET = "outage-webhook-secret-0123456789";

/** One request during the outage: its status, Retry-After, body and how long it took. */
async function timed(request: () => Promise<Response>) {
  const started = Date.now();
  const res = await request();
  const body = await res.text();
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    type: res.headers.get("content-type") ?? "",
    body,
    ms: Date.now() - started,
  };
}

/** The app's JSON log lines whose message matches. */
function logLines(stdout: string, message: RegExp): Record<string, unknown>[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => message.test(String(line.msg)));
}

describe("when Redis goes down", () => {
  it("answers 503 with Retry-After within 2 s everywhere Redis is needed, logs the outage once, and recovers without a restart", async () => {
    // A Redis of this test's own (AOF in its data dir, so the staff session survives the restart).
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-redis-outage-"));
    const url = `redis://127.0.0.1:${await freePort()}`;
    let redisProcess: ManagedProcess | undefined = await ensureRedis(url, dataDir);
    const prefix = randomName("outage");
    const seed = new Redis(url);
    await new StaffAccounts(seed, { prefix, sessionTtlSeconds: 3600 }).create({
      username: "quan.tri.su.co",
      password: PASSWORD,
      role: "admin",
    });
    seed.disconnect();
    const zalo = await startFakeZalo();
    const telegram = await startFakeTelegram();
    const app = spawnApp(
      sharedServicesEnv(dataDir, prefix, {
        REDIS_URL: url,
        LOG_LEVEL: "info",
        ...zalo.env(),
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        TELEGRAM_WEBHOOK_URL: `https://tro-ly.example.test${TELEGRAM_PATH}`,
        TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      }),
      await freePort(),
    );
    const base = app.baseUrl;
    const ask = () =>
      fetch(`${base}/api/v1/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "thủ tục ly hôn đơn phương", sessionId: "outage-web" }),
      });
    const zaloEvent = (n: number) => {
      const signed = zalo.sign(
        zaloTextEvent({ appId: zalo.appId, userId: "8200000001", text: `ly hôn ${n}` }),
      );
      return fetch(`${base}/webhooks/zalo`, { method: "POST", headers: signed.headers, body: signed.body });
    };
    const telegramUpdate = (id: number) =>
      fetch(`${base}${TELEGRAM_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TELEGRAM_SECRET },
        body: JSON.stringify({
          update_id: id,
          message: {
            message_id: id,
            date: Math.floor(Date.now() / 1000),
            chat: { id: 7_300_001, type: "private", first_name: "Lan" },
            from: { id: 7_300_001, is_bot: false, first_name: "Lan" },
            text: "thủ tục ly hôn",
          },
        }),
      });
    try {
      await app.waitReady(90_000);
      expect((await ask()).status).toBe(200);
      const login = await fetch(`${base}/api/v1/staff/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "quan.tri.su.co", password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const withCookie = { headers: { cookie } };

      const logStart = app.stdout().length;
      const errStart = app.stderr().length;
      await redisProcess?.stop();
      redisProcess = undefined;

      const needsRedis: Record<string, () => Promise<Response>> = {
        "ask API": ask,
        "web chat history": () => fetch(`${base}/api/v1/history?sessionId=outage-web`),
        "web chat inbox": () => fetch(`${base}/api/v1/inbox?sessionId=outage-web&after=0`),
        "staff login API": () =>
          fetch(`${base}/api/v1/staff/login`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ username: "quan.tri.su.co", password: PASSWORD }),
          }),
        "staff login form": () =>
          fetch(`${base}/staff/login`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: `username=quan.tri.su.co&password=${PASSWORD}`,
            redirect: "manual",
          }),
        "staff login page, signed in": () => fetch(`${base}/staff/login`, withCookie),
        "staff cases API": () => fetch(`${base}/api/v1/staff/cases`, withCookie),
        "staff cases page": () => fetch(`${base}/staff/cases`, withCookie),
        "staff live events": () => fetch(`${base}/staff/live`, withCookie),
        "admin FAQ API": () => fetch(`${base}/api/v1/admin/faqs`, withCookie),
        "admin FAQ page": () => fetch(`${base}/admin/faqs`, withCookie),
        "Zalo webhook": () => zaloEvent(1),
        "Telegram webhook": () => telegramUpdate(1),
        // It needs no Redis itself, but a login could only fail: it says so instead of showing the form.
        "staff login page": () => fetch(`${base}/staff/login`),
      };
      // Twice: once right after the stop, once when every connection knows.
      for (const round of [1, 2]) {
        for (const [name, request] of Object.entries(needsRedis)) {
          const answer = await timed(request);
          const seen = { name, round, status: answer.status, retryAfter: answer.retryAfter, ms: answer.ms };
          expect(seen).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
          // A generous bound: the point is that nothing waits for Redis to come back.
          expect(answer.ms, name).toBeLessThan(2000);
          expect(answer.body).not.toMatch(/\bat .+\.[jt]s:\d+/); // no stack trace
          if (answer.type.includes("html")) expect(answer.body).toContain("tạm gián đoạn");
          else expect(JSON.parse(answer.body).error.code, name).toBe("unavailable");
        }
        await new Promise((r) => setTimeout(r, 1500));
      }
      // The web chat page needs no Redis: it loads, and shows the ask API's message.
      expect((await timed(() => fetch(`${base}/`))).status).toBe(200);
      const ready = await timed(() => fetch(`${base}/health/ready`));
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body).down).toEqual(["redis"]);

      const outageLog = app.stdout().slice(logStart);
      expect(logLines(outageLog, /redis unreachable/)).toHaveLength(1);
      expect(outageLog).not.toMatch(/"stack"/);
      expect(app.stderr().slice(errStart)).not.toMatch(/Unhandled error event|\n\s+at /);

      // Back on the same port: the app reconnects by itself.
      redisProcess = await ensureRedis(url, dataDir);
      const deadline = Date.now() + 15_000;
      let back = await ask();
      while (back.status !== 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        back = await ask();
      }
      expect(back.status).toBe(200);
      expect((await fetch(`${base}/api/v1/staff/cases`, withCookie)).status).toBe(200);
      expect((await fetch(`${base}/staff/login`)).status).toBe(200);
      expect((await zaloEvent(2)).status).toBe(200);
      expect((await telegramUpdate(2)).status).toBe(200);
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      expect(logLines(app.stdout().slice(logStart), /redis reachable again/)).toHaveLength(1);
      expect(logLines(app.stdout().slice(logStart), /redis unreachable/)).toHaveLength(1);
    } finally {
      app.child.kill("SIGTERM");
      await app.exited;
      await redisProcess?.stop();
      await zalo.close();
      await telegram.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
