import { describe, expect, it, vi } from "vitest";
import type { FakeTelegram, SentMessage } from "../support/fake-telegram.js";
import { type ChannelApp, useTelegramChannelApp } from "./support/channel-app.js";

let fake: FakeTelegram;
let app: ChannelApp;

useTelegramChannelApp((started) => {
  ({ fake, app } = started);
});

const keys = (sent: SentMessage | undefined): { text: string; callback_data: string }[] =>
  (sent?.replyMarkup?.inline_keyboard ?? []).flat();
const data = (sent: SentMessage | undefined): string[] => keys(sent).map((k) => k.callback_data);

/** One private chat: `next` waits for the bot's next message, `press` presses a button of one it sent. */
function conversation(chat: number) {
  let count = 0;
  const next = async (): Promise<SentMessage> => {
    count += 1;
    return (await fake.waitForSent(chat, count, 10_000)).at(-1) as SentMessage;
  };
  const press = (sent: SentMessage, callback: string) => {
    expect(data(sent)).toContain(callback);
    fake.pressButton(sent, callback);
    return next();
  };
  return { next, press, seen: () => count };
}

describe("the Telegram intake by inline buttons", () => {
  it("goes from /gapcanbo to a case code by pressing buttons; the groups are ticked in the keyboard", async () => {
    const chat = 9100;
    const { next, press, seen } = conversation(chat);

    fake.sendText(chat, "/gapcanbo");
    const consent = await next();
    expect(data(consent)).toEqual(["a:có", "a:không"]);
    const story = await press(consent, "a:có");
    // The question answered loses its buttons: a stale "Đồng ý" cannot answer a later question.
    await vi.waitFor(() => expect(data(consent)).toEqual([]), { timeout: 5000 });
    expect(story.text).toContain("kể ngắn gọn");

    fake.sendText(chat, "Nhà bên cạnh xây tường lấn sang đất nhà tôi, tôi muốn đòi lại phần đất");
    const topic = await next();
    expect(keys(topic)[0]?.text).toBe("Đúng: Đất đai, sổ đỏ");
    for (const key of keys(topic)) expect(Buffer.byteLength(key.callback_data)).toBeLessThanOrEqual(64);
    const contact = await press(topic, "a:đúng");
    expect(keys(contact).map((k) => k.text)).toEqual(["Trả lời trong khung chat này", "Gọi điện cho tôi"]);
    const commune = await press(contact, "a:1");
    expect(commune.text).toContain("xã hay phường");

    fake.sendText(chat, "xã Ví Dụ");
    const groups = await next();
    expect(data(groups).filter((d) => d.startsWith("p:"))).toHaveLength(14);
    expect(keys(groups)[1]?.text).toBe("⬜ Người thuộc hộ nghèo");
    // Ticking edits the keyboard only: nothing is sent until "Xong".
    const tick = async (callback: string, ticked: string) => {
      fake.pressButton(groups, callback);
      await vi.waitFor(() => expect(data(groups)).toContain(ticked), { timeout: 5000 });
    };
    await tick("p:2", "p:2:1");
    await tick("p:9", "p:9:1");
    await tick("p:9:1", "p:9");
    expect(keys(groups)[1]?.text).toBe("✅ Người thuộc hộ nghèo");
    expect(fake.sentTo(chat)).toHaveLength(seen());
    const summary = await press(groups, "s:0");
    expect(summary.text).toContain("bạn xem lại trước khi gửi");
    expect(fake.sentTo(chat)).toHaveLength(seen());
    const done = await press(summary, "a:gửi");
    const code = /TGPL-\d{4}-\d{6}/.exec(done.text)?.[0] ?? "";
    expect(code, done.text).not.toBe("");
    const stored = await app.caseStore.get(code);
    expect(stored).toMatchObject({ topic: "dat-dai", contactPreference: "chat", commune: "xã Ví Dụ" });
    expect(stored?.eligibility).toMatchObject({ answers: { hoNgheo: true, nguoiCaoTuoi: false } });
  });

  it("answers danger mid-intake first, keeps the story, and resumes with the button", async () => {
    const chat = 9101;
    const { next, press } = conversation(chat);
    fake.sendText(chat, "/gapcanbo");
    await press(await next(), "a:có");
    fake.sendText(chat, "Chồng tôi đang cầm dao đòi giết tôi, tôi muốn ly hôn và nuôi con");
    const danger = await next();
    expect(danger.text).toMatch(/113/);
    const resumed = await press(danger, "a:tiếp tục");
    expect(resumed.text).toContain("tôi muốn ly hôn và nuôi con");
    expect(resumed.text).toContain("chủ đề");
  });
});
