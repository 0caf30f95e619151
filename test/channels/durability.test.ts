import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/runtime/index.js";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.js";
import { type FakeZalo, startFakeZalo, zaloTextEvent } from "../support/fake-zalo.js";
import { sharedServicesEnv } from "../support/services.js";
import { type AppProcess, spawnApp } from "../support/spawn-app.js";
import { type TestServices, testServices } from "../support/test-services.js";

let fake: FakeZalo;
let telegram: FakeTelegram;
let dataDir: string;
/** The published index the app answers from (it is ready only once it has one), under `prefix`. */
let services: TestServices;
let prefix: string;

beforeAll(async () => {
  services = await testServices({}, { namePrefix: "dur" });
  prefix = services.name;
  fake = await startFakeZalo();
  telegram = await startFakeTelegram();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-dur-"));
});
afterAll(async () => {
  await fake?.close();
  await telegram?.close();
  await rm(dataDir, { recursive: true, force: true });
  // The index, the keys under `prefix` and its own data dir.
  await services?.release();
});

/** The real entry point, with Zalo and Telegram (long polling) on, against the test's fakes. */
async function startApp(): Promise<AppProcess> {
  const app = spawnApp(
    sharedServicesEnv(dataDir, prefix, {
      REINDEX_ON_START: "false",
      ...fake.env(),
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_CHAT_INTERVAL_MS: "0",
      // A job whose worker was killed is taken up again after about two seconds.
      QUEUE_LOCK_SECONDS: "2",
      OUTBOUND_BACKOFF_MS: "200",
    }),
    await freePort(),
  );
  await app.waitReady(30_000);
  return app;
}

async function deliver(app: AppProcess, userId: string): Promise<number> {
  const signed = fake.sign(zaloTextEvent({ appId: fake.appId, userId, text: "xin chào" }));
  const res = await fetch(`${app.baseUrl}/webhooks/zalo`, {
    method: "POST",
    headers: signed.headers,
    body: signed.body,
  });
  return res.status;
}

const users = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}${i}`);

describe("restarts lose no accepted event and send no reply twice", () => {
  it("after kill -9 with Zalo replies in flight, every accepted event is answered exactly once", async () => {
    const first = await startApp();
    const done = users("8001", 3);
    for (const u of done) expect(await deliver(first, u)).toBe(200);
    for (const u of done) await fake.waitForDelivered(u, 1);

    // The OA API stops answering: the next replies are in flight when the process dies.
    fake.setMode("hang");
    const inFlight = users("8002", 3);
    const before = fake.messageRequests;
    for (const u of inFlight) expect(await deliver(first, u)).toBe(200);
    await fake.waitForRequests(before + inFlight.length);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    fake.setMode("ok");

    const second = await startApp();
    try {
      for (const u of inFlight) await fake.waitForDelivered(u, 1, 30_000);
      await new Promise((r) => setTimeout(r, 1500));
      for (const u of [...done, ...inFlight]) expect(fake.deliveredTo(u)).toHaveLength(1);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 90_000);

  it("after SIGTERM right behind a burst of Zalo events, every one is answered exactly once", async () => {
    const app = await startApp();
    const burst = users("8003", 8);
    const statuses = await Promise.all(burst.map((u) => deliver(app, u)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);

    const again = await startApp();
    try {
      for (const u of burst) await fake.waitForDelivered(u, 1, 30_000);
      await new Promise((r) => setTimeout(r, 1500));
      for (const u of burst) expect(fake.deliveredTo(u)).toHaveLength(1);
    } finally {
      again.child.kill("SIGTERM");
      await again.exited;
    }
  }, 90_000);

  it("after kill -9 with Telegram replies in flight, each is delivered exactly once after the restart", async () => {
    const first = await startApp();
    const done = [9101, 9102, 9103];
    for (const chat of done) telegram.sendText(chat, "/start");
    for (const chat of done) await telegram.waitForSent(chat, 1);

    telegram.hang("sendMessage", true);
    const inFlight = [9201, 9202, 9203];
    const before = telegram.calls.filter((c) => c.method === "sendMessage").length;
    for (const chat of inFlight) telegram.sendText(chat, "/help");
    const deadline = Date.now() + 15_000;
    while (telegram.calls.filter((c) => c.method === "sendMessage").length < before + inFlight.length) {
      if (Date.now() > deadline) throw new Error("the replies never left");
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    telegram.hang("sendMessage", false);

    const second = await startApp();
    try {
      for (const chat of inFlight) await telegram.waitForSent(chat, 1, 30_000);
      await new Promise((r) => setTimeout(r, 1500));
      for (const chat of [...done, ...inFlight]) expect(telegram.sentTo(chat)).toHaveLength(1);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 90_000);
});
