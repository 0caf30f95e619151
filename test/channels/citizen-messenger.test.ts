import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { citizenMessenger } from "../../src/channels/index.js";
import { redisWebInbox } from "../../src/channels/web/index.js";
import type { CitizenMessenger } from "../../src/escalation/index.js";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.js";
import { type FakeZalo, startFakeZalo, ZALO_ERRORS, zaloTextEvent } from "../support/fake-zalo.js";
import { type ChannelApp, echoEngine, startChannelApp } from "./support/channel-app.js";

const HOUR = 3_600_000;
let telegram: FakeTelegram;
let zalo: FakeZalo;
let app: ChannelApp;
let messenger: CitizenMessenger;
let windowMs: number;
let n = 0;
const key = () => `TGPL-2026-${String(++n).padStart(6, "0")}-r1`;
let user = 8_300_000_000;
const newZaloUser = () => String(++user);

beforeAll(async () => {
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo();
  app = await startChannelApp(
    { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, ...zalo.env() },
    { index: false, engine: echoEngine() },
  );
  windowMs = (app.config.channels.zalo?.replyWindowHours ?? 0) * HOUR;
  messenger = citizenMessenger({
    running: app.channels,
    redis: app.redis,
    prefix: app.prefix,
    config: app.config,
    clock: { now: () => new Date() },
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await telegram?.close();
  await zalo?.close();
});

const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

/** The citizen writes to the OA (signed webhook) and gets the bot's answer: the reply window opens. */
async function zaloCitizenWrites(userId: string): Promise<void> {
  const signed = zalo.sign(zaloTextEvent({ appId: zalo.appId, userId, text: "tôi cần gặp cán bộ" }));
  const res = await fetch(`${app.baseUrl}/webhooks/zalo`, {
    method: "POST",
    headers: signed.headers,
    body: signed.body,
  });
  expect(res.status).toBe(200);
  await zalo.waitForDelivered(userId, 1);
}

describe("citizenMessenger on Telegram", () => {
  it("queues the staff text to the chat, escaped as HTML, and reports it sent once delivered", async () => {
    const k = key();
    const text = "Dạ, cán bộ trả lời: <b>đất</b> & nhà của bạn.";
    expect(await messenger.send({ channel: "telegram", conversationId: "tg-601", text, key: k })).toBe(
      "queued",
    );
    const [sent] = await telegram.waitForSent(601, 1);
    expect(sent?.text).toBe(text);
    expect(sent?.html).toBe("Dạ, cán bộ trả lời: &lt;b&gt;đất&lt;/b&gt; &amp; nhà của bạn.");
    await vi.waitFor(async () => expect(await messenger.state("telegram", k)).toBe("sent"), {
      timeout: 5000,
    });
    expect(await messenger.canReach("telegram", "tg-601")).toBe(true);
  });

  it("sends a repeat with the same key no second time", async () => {
    const k = key();
    const input = {
      channel: "telegram",
      conversationId: "tg-602",
      text: "Dạ, mình gửi lại.",
      key: k,
    } as const;
    await messenger.send(input);
    await telegram.waitForSent(602, 1);
    await vi.waitFor(async () => expect(await messenger.state("telegram", k)).toBe("sent"), {
      timeout: 5000,
    });
    expect(await messenger.send(input)).toBe("sent");
    await settle();
    expect(telegram.sentTo(602)).toHaveLength(1);
  });

  it("splits a long text on paragraph boundaries within Telegram's limit", async () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) =>
      `${i}: ${"quyền & nghĩa vụ <x> ".repeat(30)}`.trim(),
    );
    await messenger.send({
      channel: "telegram",
      conversationId: "tg-603",
      text: paragraphs.join("\n\n"),
      key: key(),
    });
    await vi.waitFor(
      () =>
        expect(
          telegram
            .sentTo(603)
            .map((p) => p.text)
            .join("\n\n"),
        ).toBe(paragraphs.join("\n\n")),
      {
        timeout: 10_000,
      },
    );
    const pieces = telegram.sentTo(603);
    // Escaping makes the text longer than its plain length: the pieces are cut to fit the HTML.
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.html.length).toBeLessThanOrEqual(4096);
  });

  it("reports failed when Telegram refuses the message for good", async () => {
    const k = key();
    telegram.failNext("sendMessage", {
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    await messenger.send({ channel: "telegram", conversationId: "tg-604", text: "Dạ, bạn ơi.", key: k });
    await vi.waitFor(async () => expect(await messenger.state("telegram", k)).toBe("failed"), {
      timeout: 5000,
    });
    expect(telegram.sentTo(604)).toHaveLength(0);
  });
});

describe("citizenMessenger on Zalo", () => {
  it("sends to a citizen who wrote within the reply window", async () => {
    const id = newZaloUser();
    await zaloCitizenWrites(id);
    expect(await messenger.canReach("zalo", `zl-${id}`)).toBe(true);
    const k = key();
    const text = "Dạ, cán bộ trợ giúp pháp lý đã xem hồ sơ của bạn.";
    expect(await messenger.send({ channel: "zalo", conversationId: `zl-${id}`, text, key: k })).toBe(
      "queued",
    );
    const delivered = await zalo.waitForDelivered(id, 2);
    expect(delivered[1]?.body).toEqual({ recipient: { user_id: id }, message: { text } });
    await vi.waitFor(async () => expect(await messenger.state("zalo", k)).toBe("sent"), { timeout: 5000 });
  });

  it("does not send outside the reply window: a citizen who never wrote, or wrote too long ago", async () => {
    const never = newZaloUser();
    expect(await messenger.canReach("zalo", `zl-${never}`)).toBe(false);
    const k1 = key();
    expect(
      await messenger.send({ channel: "zalo", conversationId: `zl-${never}`, text: "Dạ.", key: k1 }),
    ).toBe("outside-window");
    expect(await messenger.state("zalo", k1)).toBe("outside-window");

    const old = newZaloUser();
    await zaloCitizenWrites(old);
    const later = citizenMessenger({
      running: app.channels,
      redis: app.redis,
      prefix: app.prefix,
      config: app.config,
      clock: { now: () => new Date(Date.now() + windowMs + 60_000) },
    });
    expect(await later.canReach("zalo", `zl-${old}`)).toBe(false);
    const k2 = key();
    expect(await later.send({ channel: "zalo", conversationId: `zl-${old}`, text: "Dạ.", key: k2 })).toBe(
      "outside-window",
    );
    await settle();
    expect(zalo.deliveredTo(never)).toHaveLength(0);
    expect(zalo.deliveredTo(old)).toHaveLength(1);
  });
});

describe("citizenMessenger when Zalo itself says the window closed", () => {
  it("shows a staff reply Zalo refuses (-230) as outside-window, not retried, and stops offering the chat", async () => {
    const id = newZaloUser();
    await zaloCitizenWrites(id);
    const before = zalo.messageRequests;
    zalo.answerNextWith(ZALO_ERRORS.noRecentInteraction, 5);
    const k = key();
    const text = "Dạ, cán bộ đã xem hồ sơ.";
    expect(await messenger.send({ channel: "zalo", conversationId: `zl-${id}`, text, key: k })).toBe(
      "queued",
    );
    await vi.waitFor(async () => expect(await messenger.state("zalo", k)).toBe("outside-window"), {
      timeout: 10_000,
    });
    expect(await messenger.canReach("zalo", `zl-${id}`)).toBe(false);
    expect(zalo.messageRequests - before).toBe(1);
    // The citizen writes again: the chat is offered again.
    zalo.answerNextWith(ZALO_ERRORS.noRecentInteraction, 0);
    const signed = zalo.sign(zaloTextEvent({ appId: zalo.appId, userId: id, text: "tôi đây" }));
    await fetch(`${app.baseUrl}/webhooks/zalo`, {
      method: "POST",
      headers: signed.headers,
      body: signed.body,
    });
    await zalo.waitForDelivered(id, 2);
    expect(await messenger.canReach("zalo", `zl-${id}`)).toBe(true);
  });
});

describe("citizenMessenger on the web chat and unconfigured channels", () => {
  it("puts the text in the session's inbox once per key", async () => {
    const k = key();
    const input = {
      channel: "web",
      conversationId: "sess_web_1",
      text: "Dạ, cán bộ đã gọi cho bạn.",
      key: k,
    } as const;
    expect(await messenger.send(input)).toBe("sent");
    expect(await messenger.send(input)).toBe("sent");
    expect(await messenger.state("web", k)).toBe("sent");
    const messages = await redisWebInbox(app.redis, app.prefix).read("sess_web_1", 0);
    expect(messages).toEqual([{ id: 1, text: input.text, at: expect.any(String) }]);
    // "Xóa dữ liệu của tôi" deletes the inbox too.
    await messenger.forget("web", "sess_web_1");
    expect(await redisWebInbox(app.redis, app.prefix).read("sess_web_1", 0)).toEqual([]);
  });

  it("answers unsupported for a platform that is not configured or a conversation it cannot address", async () => {
    const webOnly = citizenMessenger({
      redis: app.redis,
      prefix: app.prefix,
      config: app.config,
      clock: { now: () => new Date() },
    });
    const k = key();
    expect(await webOnly.send({ channel: "telegram", conversationId: "tg-605", text: "Dạ.", key: k })).toBe(
      "unsupported",
    );
    expect(await webOnly.state("telegram", k)).toBe("unsupported");
    expect(await webOnly.canReach("zalo", "zl-1")).toBe(false);
    expect(
      await messenger.send({ channel: "telegram", conversationId: "605", text: "Dạ.", key: key() }),
    ).toBe("unsupported");
    expect(await messenger.send({ channel: "web", conversationId: "bad id!", text: "Dạ.", key: key() })).toBe(
      "unsupported",
    );
    await settle(300);
    expect(telegram.sentTo(605)).toHaveLength(0);
  });
});
