import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.js";
import { type ChannelApp, echoEngine, startChannelApp } from "./support/channel-app.js";

// An update fetched by a previous process that died before handling it.
const orphan = {
  update_id: 1,
  message: {
    message_id: 1,
    date: 1_700_000_000,
    chat: { id: 990, type: "private", first_name: "Dân" },
    from: { id: 990, is_bot: false, first_name: "Dân" },
    text: "còn dang dở",
  },
};

describe("the Telegram channel, with an engine that echoes", () => {
  let fake: FakeTelegram;
  let app: ChannelApp;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    app = await startChannelApp(
      { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
      {
        index: false,
        engine: echoEngine(),
        beforeStart: async (redis: Redis, prefix: string) => {
          await redis.hset(`${prefix}:tg:journal`, "1", JSON.stringify(orphan));
        },
      },
    );
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it("escapes the citizen's text in anything echoed back", async () => {
    fake.sendText(501, "<b>x</b>&");
    const [reply] = await fake.waitForSent(501, 1);
    expect(reply?.html).toBe("Bạn hỏi: &lt;b&gt;x&lt;/b&gt;&amp;");
    expect(reply?.text).toBe("Bạn hỏi: <b>x</b>&");
  });

  it("splits a reply longer than 4096 characters into messages on paragraph boundaries, buttons on the last", async () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `${i}: ${"quyền & nghĩa vụ ".repeat(29)}`.trim());
    fake.sendText(502, paragraphs.join("\n\n"));
    const pieces = await fake.waitForSent(502, 2);
    expect(pieces).toHaveLength(2);
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(4096);
    expect(pieces.map((p) => p.text).join("\n\n")).toBe(`Bạn hỏi: ${paragraphs.join("\n\n")}`);
    expect(pieces[0]?.replyMarkup).toBeUndefined();
    expect(pieces[1]?.replyMarkup.inline_keyboard).toEqual([
      [{ text: "Gặp cán bộ trợ giúp pháp lý", callback_data: "e" }],
    ]);
  });

  it("handles once an update fetched before a crash but never finished", async () => {
    const [reply] = await fake.waitForSent(990, 1);
    expect(reply?.text).toBe("Bạn hỏi: còn dang dở");
    expect(await app.redis.hlen(`${app.prefix}:tg:journal`)).toBe(0);
  });

  it("ignores group chats", async () => {
    fake.pushUpdate({
      message: {
        message_id: 77,
        date: 1_700_000_000,
        chat: { id: -100123, type: "group", title: "Nhóm" },
        from: { id: 504, is_bot: false, first_name: "Dân" },
        text: "chào cả nhóm",
      },
    });
    fake.sendText(505, "sau đó");
    await fake.waitForSent(505, 1);
    expect(fake.sentTo(-100123)).toHaveLength(0);
  });
});
