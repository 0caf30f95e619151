import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChannelApp, startChannelApp } from "../channels/support/channel-app.js";
import { launchChromium, type TestBrowser } from "../support/chromium.js";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.js";

const CHAT = 424242;

let fake: FakeTelegram;
let app: ChannelApp;
let browser: TestBrowser;
let context: BrowserContext;

beforeAll(async () => {
  fake = await startFakeTelegram();
  app = await startChannelApp({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
  await app.accounts.create({ username: "canbo.tg", password: "mat-khau-dai-2", role: "staff" });
  browser = await launchChromium();
  context = browser.context;
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await fake?.close();
});

/** The citizen types `text` and waits until the bot has sent one more message. */
async function say(text: string): Promise<string> {
  const before = fake.sentTo(CHAT).length;
  fake.sendText(CHAT, text);
  const sent = await fake.waitForSent(CHAT, before + 1, 20_000);
  return sent
    .slice(before)
    .map((m) => m.text)
    .join("\n");
}

describe("staff console, with a citizen on Telegram", () => {
  it("takes a case from the citizen's Telegram chat to a staff reply in that chat, a close and the rating question", async () => {
    const intake = [
      "/gapcanbo",
      "có",
      "Công ty nợ lương tôi 3 tháng rồi nghỉ việc không trả, tôi phải làm sao",
      "đúng",
      "1",
      "phường Ví Dụ",
      "0",
    ];
    for (const text of intake) await say(text);
    const done = await say("gửi");
    const code = /TGPL-\d{4}-\d{6}/.exec(done)?.[0];
    expect(code, done).toBeDefined();

    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.baseUrl}/staff`);
    await page.getByLabel("Tên đăng nhập").fill("canbo.tg");
    await page.getByLabel("Mật khẩu").fill("mat-khau-dai-2");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("link", { name: code as string }).click();
    await expect.poll(() => page.locator("body").textContent()).toContain("Công ty nợ lương tôi 3 tháng");

    await page.getByRole("button", { name: "Nhận hồ sơ này" }).click();
    await page
      .getByLabel(/Trả lời người dân/)
      .fill("Anh gửi đơn đến Phòng Lao động <b>xã</b> nhé & giữ bảng lương.");
    const before = fake.sentTo(CHAT).length;
    await page.getByRole("button", { name: "Gửi trả lời" }).click();
    const delivered = await fake.waitForSent(CHAT, before + 1, 20_000);
    // Staff text arrives as text: the markup is escaped, not interpreted.
    expect(delivered.at(-1)?.text).toContain(
      "Anh gửi đơn đến Phòng Lao động <b>xã</b> nhé & giữ bảng lương.",
    );
    expect(delivered.at(-1)?.text).toContain(code);

    await page.getByLabel("Kết quả xử lý").selectOption("answered");
    const beforeClose = fake.sentTo(CHAT).length;
    await page.getByRole("button", { name: "Đóng hồ sơ" }).click();
    const rating = await fake.waitForSent(CHAT, beforeClose + 1, 20_000);
    expect(rating.at(-1)?.text).toMatch(/từ 1 đến 5/);

    const thanks = await say("4");
    expect(thanks).toMatch(/cảm ơn/i);
    expect((await app.caseStore.get(code as string))?.rating).toBe(4);
  }, 120_000);
});
