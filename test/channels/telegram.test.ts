import { describe, expect, it } from "vitest";
import { REASON_PROMPT } from "../../src/channels/telegram/index.js";
import { loadFaqs, TOPICS } from "../../src/content/index.js";
import { type FakeTelegram, TOO_MANY_REQUESTS } from "../support/fake-telegram.js";
import { type ChannelApp, useTelegramChannelApp } from "./support/channel-app.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON as it comes off the wire
type Json = any;

let fake: FakeTelegram;
let app: ChannelApp;
let chat = 7000;
/** A fresh private chat per test: its own session. */
const newChat = () => ++chat;

useTelegramChannelApp((started) => {
  ({ fake, app } = started);
});

async function question(id: string): Promise<string> {
  const found = (await loadFaqs("content")).faqs.find((f) => f.id === id);
  if (!found) throw new Error(`no FAQ ${id}`);
  return found.question;
}

const callbackData = (markup: Json): string[] =>
  (markup?.inline_keyboard ?? []).flat().map((b: { callback_data: string }) => b.callback_data);

describe("the Telegram channel (long polling, real engine)", () => {
  it("registers its five commands in Vietnamese and polls after removing any webhook", async () => {
    const { payload } = await fake.waitForCall("setMyCommands");
    expect(payload.commands.map((c: { command: string }) => c.command)).toEqual([
      "start",
      "help",
      "chude",
      "gapcanbo",
      "riengtu",
    ]);
    expect(payload.commands.find((c: { command: string }) => c.command === "gapcanbo").description).toBe(
      "Gặp cán bộ trợ giúp pháp lý",
    );
    await fake.waitForCall("deleteWebhook");
    await fake.waitForCall("getUpdates");
  });

  it("greets on /start, says what it does and how data is kept, and lists the topics", async () => {
    const id = newChat();
    fake.sendText(id, "/start");
    const [greeting] = await fake.waitForSent(id, 1);
    expect(greeting?.text).toMatch(/^Dạ, chào bạn!/);
    expect(greeting?.text).toContain("căn cứ pháp luật");
    expect(greeting?.text).toContain("Hôn nhân, ly hôn, nuôi con");
    expect(greeting?.text).toMatch(/không lưu tên hay số điện thoại/);
    // The topics as buttons (one per topic), not a text list to retype.
    expect(callbackData(greeting?.replyMarkup)).toEqual(TOPICS.map((t) => `t:${t.id}`));
  });

  it("answers a question with its legal basis in bold and 👍, 👎 and person buttons", async () => {
    const id = newChat();
    fake.sendText(id, await question("ly-hon-don-phuong"));
    const [answer] = await fake.waitForSent(id, 1);
    expect(answer?.text).toMatch(/Căn cứ: .*Điều/);
    expect(answer?.html).toContain("<b>Căn cứ:</b>");
    expect(callbackData(answer?.replyMarkup)).toEqual(
      expect.arrayContaining(["f:u:ly-hon-don-phuong", "f:d:ly-hon-don-phuong", "e"]),
    );
    expect(answer?.replyMarkup.inline_keyboard[0]).toHaveLength(2);
  });

  it("offers choices as buttons, and a pressed choice gets its answer", async () => {
    const id = newChat();
    fake.sendText(id, "sổ đỏ");
    const [choices] = await fake.waitForSent(id, 1);
    expect(choices?.text).toMatch(/1\. .+\n2\. /);
    const picks = callbackData(choices?.replyMarkup).filter((d) => d.startsWith("c:"));
    expect(picks.length).toBeGreaterThanOrEqual(2);
    const second = picks[1] as string;
    fake.pressButton(choices as never, second);
    const [, answer] = await fake.waitForSent(id, 2);
    expect(answer?.text).toMatch(/Căn cứ:/);
    expect(callbackData(answer?.replyMarkup)).toContain(`f:u:${second.slice(2)}`);
    expect(fake.calls.filter((c) => c.method === "answerCallbackQuery").length).toBeGreaterThan(0);
  });

  it("after 👎 removes the vote buttons, asks for an optional reason, and keeps the reason scrubbed", async () => {
    const id = newChat();
    fake.sendText(id, await question("ly-hon-don-phuong"));
    const [answer] = await fake.waitForSent(id, 1);
    const answered = fake.calls.filter((c) => c.method === "answerCallbackQuery").length;
    fake.pressButton(answer as never, "f:d:ly-hon-don-phuong");
    const [, thanks, prompt] = await fake.waitForSent(id, 3);
    expect(thanks?.text).toMatch(/cảm ơn bạn đã góp ý/);
    expect(prompt?.text).toBe(REASON_PROMPT);
    expect(prompt?.replyMarkup).toMatchObject({ force_reply: true });
    expect(fake.calls.filter((c) => c.method === "answerCallbackQuery").length).toBe(answered + 1);
    expect(callbackData(answer?.replyMarkup).some((d) => d.startsWith("f:"))).toBe(false);

    fake.sendText(id, "chưa nói rõ án phí, gọi tôi 0912345678", { replyTo: prompt as never });
    const [, , , recorded] = await fake.waitForSent(id, 4);
    expect(recorded?.text).toMatch(/đã ghi lại/);
    const entries = await app.redis.xrange(`${app.prefix}:feedback`, "-", "+");
    const reasons = entries.map(([, fields]) => JSON.parse(fields[1] as string));
    expect(reasons).toContainEqual(
      expect.objectContaining({
        channel: "telegram",
        faqId: "ly-hon-don-phuong",
        reason: expect.stringContaining("án phí"),
      }),
    );
    expect(JSON.stringify(reasons)).not.toContain("0912345678");
  });

  it('starts the escalation flow from "Gặp cán bộ trợ giúp pháp lý" and from /gapcanbo', async () => {
    const id = newChat();
    fake.sendText(id, await question("ly-hon-don-phuong"));
    const [answer] = await fake.waitForSent(id, 1);
    fake.pressButton(answer as never, "e");
    const [, escalate] = await fake.waitForSent(id, 2);
    expect(escalate?.text).toMatch(/cán bộ trợ giúp pháp lý/);
    // The intake starts by asking consent to keep contact and case details.
    expect(escalate?.text).toMatch(/Bạn có đồng ý không\?/);
    fake.sendText(id, "/gapcanbo");
    const [, , again] = await fake.waitForSent(id, 3);
    // Asked again mid-intake, the consent question is repeated.
    expect(again?.text).toMatch(/Bạn có đồng ý không\?/);
  });

  it("retries a 429 after retry_after and delivers the reply exactly once", async () => {
    const id = newChat();
    fake.failNext("sendMessage", TOO_MANY_REQUESTS);
    const before = fake.calls.filter((c) => c.method === "sendMessage").length;
    const started = Date.now();
    fake.sendText(id, "/help");
    await fake.waitForSent(id, 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.sentTo(id)).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === "sendMessage").length).toBe(before + 2);
  });

  it("sends only valid Telegram HTML, whatever the citizen typed", async () => {
    const id = newChat();
    fake.sendText(id, "<b>x</b>&");
    const [reply] = await fake.waitForSent(id, 1);
    expect(reply?.html).not.toContain("<b>x</b>");
  });

  it("answers /riengtu with what is kept and how to delete it", async () => {
    const id = newChat();
    fake.sendText(id, "/riengtu");
    const [privacy] = await fake.waitForSent(id, 1);
    expect(privacy?.text).toMatch(/xóa dữ liệu của tôi/);
  });

  it("says politely that it reads only text when sent a photo", async () => {
    const id = newChat();
    fake.sendPhoto(id);
    const [notice] = await fake.waitForSent(id, 1);
    expect(notice?.text).toMatch(/chỉ hỗ trợ tin nhắn chữ/);
  });
});
