import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFLICT, type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.js";
import { type ChannelApp, echoEngine, startChannelApp } from "./support/channel-app.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON as it comes off the wire
type Json = any;

describe("Telegram long polling when Telegram refuses it (409 another poller, 401 revoked token)", () => {
  let fake: FakeTelegram;
  let app: ChannelApp;
  let chat = 8800;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    app = await startChannelApp(
      { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      // With a FAQ index: /health/ready is 200 only once a published index can answer.
      { engine: echoEngine(), telegramReconnectMs: 200 },
    );
    await fake.waitForCall("getUpdates");
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  const ready = async (): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${app.baseUrl}/health/ready`);
    return { status: res.status, body: await res.json() };
  };
  /** The telegram detail of /health/ready once its state is `state`. */
  async function telegramState(state: string): Promise<{ status: number; body: Json }> {
    for (let i = 0; i < 300; i++) {
      const r = await ready();
      if (r.body.details?.telegram?.state === state) return r;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`telegram never reached ${state}: ${JSON.stringify((await ready()).body)}`);
  }
  async function answers(): Promise<void> {
    const id = ++chat;
    fake.sendText(id, "còn đó không");
    const [reply] = await fake.waitForSent(id, 1);
    expect(reply?.text).toBe("Bạn hỏi: còn đó không");
  }

  it("shows receiving in /health/ready while polling works", async () => {
    await answers();
    const { status, body } = await telegramState("receiving");
    expect(status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.details.telegram).toMatchObject({ mode: "polling", ok: true });
  });

  it("resumes polling by itself after three 409s, and says so in /health/ready meanwhile", async () => {
    const before = fake.calls.filter((c) => c.method === "getUpdates").length;
    fake.failNext("getUpdates", CONFLICT, 3);
    const { status, body } = await telegramState("conflict");
    // Degraded, not 503: a rolling deploy must still see the new instance ready.
    expect(status).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.details.telegram).toMatchObject({ ok: false, error: CONFLICT.description });
    await telegramState("receiving");
    await answers();
    expect(fake.calls.filter((c) => c.method === "getUpdates").length - before).toBeGreaterThanOrEqual(4);
  });

  it("gives way to a second poller with the same token and takes over when it stops", async () => {
    // Someone runs the production token elsewhere: their long poll cuts ours short with 409.
    const other = fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ timeout: 2, offset: -1 }),
    });
    await telegramState("conflict");
    await other.catch(() => undefined);
    await telegramState("receiving");
    await answers();
  });

  it("shows unauthorized while the token is revoked and answers again once it works", async () => {
    fake.revokeToken(true);
    try {
      const { body } = await telegramState("unauthorized");
      expect(body.details.telegram).toMatchObject({ ok: false, error: "Unauthorized" });
    } finally {
      fake.revokeToken(false);
    }
    await telegramState("receiving");
    await answers();
  });
});
