import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { StaffViewer } from "../../src/escalation/index.js";
import { type FakeTelegram, type SentMessage, startFakeTelegram } from "../support/fake-telegram.js";
import { type FakeZalo, startFakeZalo, zaloTextEvent } from "../support/fake-zalo.js";
import { INTAKE_IN_CHAT } from "../support/intake-answers.js";
import { type ChannelApp, startChannelApp } from "./support/channel-app.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON as it comes off the wire
type Json = any;

let telegram: FakeTelegram;
let zalo: FakeZalo;
let app: ChannelApp;
const officer: StaffViewer = { username: "canbo.kenh", role: "staff" };

beforeAll(async () => {
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo();
  app = await startChannelApp({
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    ...zalo.env(),
  });
  await app.accounts.create({ username: officer.username, password: "mat-khau-dai-1", role: "staff" });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await telegram?.close();
  await zalo?.close();
});

const callbackData = (markup: Json): string[] =>
  (markup?.inline_keyboard ?? []).flat().map((b: { callback_data: string }) => b.callback_data);
const codeIn = (text: string | undefined) => /TGPL-\d{4}-\d{6}/.exec(text ?? "")?.[0] ?? "";
const citizenNotes = async (code: string) =>
  ((await app.caseStore.get(code))?.notes ?? []).filter((x) => x.kind === "citizen").map((x) => x.text);

/** Officer's side, the same for every channel: claim, ask, and later close. */
async function officerAsks(code: string, text: string): Promise<void> {
  expect((await app.cases.claim(officer, code)).ok).toBe(true);
  expect((await app.cases.reply(officer, code, text)).state).toBe("queued");
}

describe("the case thread through the fake Telegram", () => {
  it("carries the citizen's answers to the officer, keeps the bot out, answers danger, and rates with a button", async () => {
    const chat = 9_100_001;
    let seen = 0;
    /** Sends a text and waits for the bot's next message. */
    const say = async (text: string): Promise<SentMessage | undefined> => {
      telegram.sendText(chat, text);
      seen += 1;
      return (await telegram.waitForSent(chat, seen, 10_000)).at(-1);
    };
    let done: SentMessage | undefined;
    for (const text of INTAKE_IN_CHAT) done = await say(text);
    const code = codeIn(done?.text);
    expect(code).not.toBe("");
    expect(done?.text).toContain("quay lại trợ lý");
    expect(callbackData(done?.replyMarkup)).toContain("l");

    await officerAsks(code, "Anh/chị còn giữ giấy vay không?");
    seen += 1;
    const [asked] = (await telegram.waitForSent(chat, seen, 10_000)).slice(-1);
    expect(asked?.text).toContain("Anh/chị còn giữ giấy vay không?");

    // The answer goes to the case; the bot says nothing.
    telegram.sendText(chat, "Dạ em còn giữ ạ");
    await vi.waitFor(async () => expect(await citizenNotes(code)).toEqual(["Dạ em còn giữ ạ"]), {
      timeout: 10_000,
    });
    // Danger inside the thread: the numbers first, and the officer gets the message. Telegram keeps one
    // chat's updates in order, so had the previous message been answered, that answer would come first.
    const danger = await say("chồng em đang cầm dao dọa giết em");
    expect(danger?.text).toMatch(/113/);
    expect(danger?.text).toContain(`hồ sơ ${code}`);
    expect(await citizenNotes(code)).toEqual(["Dạ em còn giữ ạ", "chồng em đang cầm dao dọa giết em"]);

    // Leave with the button, ask the bot, come back with the resume button.
    telegram.pressButton(done as SentMessage, "l");
    seen += 1;
    const left = (await telegram.waitForSent(chat, seen, 10_000)).at(-1);
    expect(left?.text).toContain("trợ lý tự động");
    expect(callbackData(left?.replyMarkup)).toContain("e");
    const bot = await say("ly hôn đơn phương cần giấy tờ gì");
    expect(bot?.text).toMatch(/ly hôn/i);
    telegram.pressButton(left as SentMessage, "e");
    seen += 1;
    const resumed = (await telegram.waitForSent(chat, seen, 10_000)).at(-1);
    expect(resumed?.text).toContain(`nhắn với cán bộ về hồ sơ ${code}`);
    telegram.sendText(chat, "Em gửi thêm ảnh giấy vay được không ạ");
    await vi.waitFor(async () => expect((await citizenNotes(code)).at(-1)).toMatch(/ảnh giấy vay/), {
      timeout: 10_000,
    });
    expect(await citizenNotes(code)).toHaveLength(3);

    await app.cases.close(officer, code, "answered");
    seen += 1;
    const rating = (await telegram.waitForSent(chat, seen, 10_000)).at(-1);
    expect(rating?.text).toMatch(/từ 1 đến 5/);
    expect(callbackData(rating?.replyMarkup)).toEqual(["a:1", "a:2", "a:3", "a:4", "a:5"]);
    telegram.pressButton(rating as SentMessage, "a:4");
    seen += 1;
    const thanks = (await telegram.waitForSent(chat, seen, 10_000)).at(-1);
    expect(thanks?.text).toMatch(/cảm ơn bạn đã đánh giá/);
    expect((await app.caseStore.get(code))?.rating).toBe(4);
    // Closed: the bot answers again.
    const after = await say("ly hôn đơn phương cần giấy tờ gì");
    expect(after?.text).toMatch(/ly hôn/i);
    expect(await citizenNotes(code)).toHaveLength(3);
  });
});

describe("the case thread through the fake Zalo", () => {
  it("carries the citizen's answers to the officer, keeps the bot out, leaves and resumes by text, rates by number", async () => {
    const userId = "8200000001";
    let seen = 0;
    let msg = 0;
    const deliver = async (text: string) => {
      const signed = zalo.sign(
        zaloTextEvent({ appId: zalo.appId, userId, text, msgId: `thread-${Date.now()}-${++msg}` }),
      );
      const res = await fetch(`${app.baseUrl}/webhooks/zalo`, {
        method: "POST",
        headers: signed.headers,
        body: signed.body,
      });
      expect(res.status).toBe(200);
    };
    const say = async (text: string) => {
      await deliver(text);
      seen += 1;
      return (await zalo.waitForDelivered(userId, seen, 10_000)).at(-1);
    };
    let done: { text: string } | undefined;
    for (const text of INTAKE_IN_CHAT) done = await say(text);
    const code = codeIn(done?.text);
    expect(code).not.toBe("");
    expect(done?.text).toContain("quay lại trợ lý");

    await officerAsks(code, "Anh/chị còn giữ giấy vay không?");
    seen += 1;
    expect((await zalo.waitForDelivered(userId, seen, 10_000)).at(-1)?.text).toContain("còn giữ giấy vay");

    await deliver("Dạ em còn giữ ạ");
    await vi.waitFor(async () => expect(await citizenNotes(code)).toEqual(["Dạ em còn giữ ạ"]), {
      timeout: 10_000,
    });
    const danger = await say("chồng em đang cầm dao dọa giết em");
    expect(danger?.text).toMatch(/113/);
    expect(await citizenNotes(code)).toHaveLength(2);

    const left = await say("quay lại trợ lý");
    expect(left?.text).toContain('gõ "gặp cán bộ"');
    const back = await say("gặp cán bộ");
    expect(back?.text).toContain(`nhắn với cán bộ về hồ sơ ${code}`);
    await deliver("Em cảm ơn cán bộ");
    await vi.waitFor(async () => expect(await citizenNotes(code)).toHaveLength(3), { timeout: 10_000 });

    await app.cases.close(officer, code, "answered");
    seen += 1;
    expect((await zalo.waitForDelivered(userId, seen, 10_000)).at(-1)?.text).toMatch(/từ 1 đến 5/);
    const thanks = await say("5");
    expect(thanks?.text).toMatch(/cảm ơn bạn đã đánh giá/);
    expect((await app.caseStore.get(code))?.rating).toBe(5);
  });
});
