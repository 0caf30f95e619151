import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.js";
import { type ChannelApp, echoEngine, startChannelApp } from "./support/channel-app.js";

const SECRET = "s3cret-for-the-webhook_0123456789";
const PATH = "/webhooks/telegram/9f2c";

describe("the Telegram channel in webhook mode", () => {
  let fake: FakeTelegram;
  let app: ChannelApp;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    app = await startChannelApp(
      {
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_WEBHOOK_URL: `https://tro-ly.example.test${PATH}`,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
      { index: false, engine: echoEngine() },
    );
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  /** Posts an update the way Telegram does. */
  function deliver(update: Record<string, unknown>, secret?: string): Promise<Response> {
    return fetch(`${app.baseUrl}${PATH}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }),
      },
      body: JSON.stringify(update),
    });
  }

  it("registers the webhook with its secret instead of polling", async () => {
    const { payload } = await fake.waitForCall("setWebhook");
    expect(payload).toMatchObject({ url: `https://tro-ly.example.test${PATH}`, secret_token: SECRET });
    expect(fake.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  it("returns 401 when the secret header is wrong or missing, and handles nothing", async () => {
    const update = fake.takeUpdate(fake.sendText(601, "xin chào"));
    expect((await deliver(update, "wrong-secret-0123456789")).status).toBe(401);
    expect((await deliver(update)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.sentTo(601)).toHaveLength(0);
  });

  it("handles an update with the right secret, once even when Telegram sends it twice", async () => {
    const update = fake.takeUpdate(fake.sendText(602, "có ai không"));
    expect((await deliver(update, SECRET)).status).toBe(200);
    const [reply] = await fake.waitForSent(602, 1);
    expect(reply?.text).toBe("Bạn hỏi: có ai không");
    expect((await deliver(update, SECRET)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.sentTo(602)).toHaveLength(1);
  });

  it("refuses a body that is not an update", async () => {
    expect((await deliver({ hello: "world" }, SECRET)).status).toBe(400);
  });
});
