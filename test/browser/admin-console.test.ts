import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminTestApp, PASSWORD, startAdminApp } from "../admin/support.js";
import { launchChromium, type TestBrowser } from "../support/chromium.js";

const SLOW = 30_000;
const EDITED = "tgpl-ai-duoc-huong";
const UNANSWERED = "nhà hàng xóm nuôi chó sủa cả đêm";
const TARGET = "hoa-giai-co-so-viec-gi";

let t: AdminTestApp;
let browser: TestBrowser;
let context: BrowserContext;
let admin: Page;
let chat: Page;
const problems: string[] = [];

/** Letters only: content:check reads long digit runs as phone numbers. */
const marker = () =>
  `Ghi chú kiểm tra ${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}.`;

beforeAll(async () => {
  t = await startAdminApp();
  browser = await launchChromium();
  context = browser.context;
  admin = context.pages()[0] ?? (await context.newPage());
  chat = await context.newPage();
  for (const page of [admin, chat]) {
    page.setDefaultTimeout(SLOW);
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  }
  await chat.goto(t.app.baseUrl);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
}, 60_000);

/** Opens an admin page; when signed out, logs in on the form it is sent to first. */
async function openAs(username: string, url: string): Promise<void> {
  await admin.goto(`${t.app.baseUrl}${url}`);
  if (!admin.url().includes("/staff/login")) return;
  expect(admin.url()).toContain(`/staff/login?next=${encodeURIComponent(url)}`);
  await admin.getByLabel("Tên đăng nhập").fill(username);
  await admin.getByLabel("Mật khẩu").fill(PASSWORD);
  await admin.getByRole("button", { name: "Đăng nhập" }).click();
  // The login returns to the page that asked for it.
  await admin.waitForURL(`${t.app.baseUrl}${url}`);
}

async function logout(): Promise<void> {
  await admin.getByRole("button", { name: "Đăng xuất" }).click();
  await admin.waitForURL(/\/staff\/login/);
}

/** Types into the web chat and returns the text of the bot's next bubble. */
async function ask(text: string): Promise<string> {
  const before = await chat.locator(".msg.bot").count();
  const input = chat.getByLabel("Câu hỏi của bạn");
  await input.fill(text);
  await input.press("Enter");
  await chat.waitForFunction((n) => document.querySelectorAll(".msg.bot").length > n, before);
  await chat.locator("#status").waitFor({ state: "hidden" });
  return (await chat.locator(".msg.bot").nth(before).textContent()) ?? "";
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Publishes timed; CI runs 2, `ADMIN_PUBLISH_ROUNDS=5 npx vitest run test/browser/admin-console.test.ts` gives the median of 5. */
const ROUNDS = Number(process.env.ADMIN_PUBLISH_ROUNDS ?? 2);

describe("the admin console in a browser", () => {
  it("admin A edits an answer and cannot approve it; admin B approves and publishes; the web chat answers with the new text (publishes timed)", async () => {
    const question = (await t.request("GET", `/api/v1/faqs/${EDITED}`)).body.question as string;
    const timings: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const text = marker();
      await openAs("qt.an", `/admin/faqs/${EDITED}`);
      const answer = admin.getByLabel(/^Câu trả lời/);
      await answer.fill(`${await answer.inputValue()}\n\n${text}`);
      if (round === 0) {
        // The live preview shows the answer as the chat will, placeholders filled from the config.
        await expect
          .poll(() => admin.locator("#chat-preview").textContent(), { timeout: 10_000 })
          .toContain(text);
        const preview = (await admin.locator("#chat-preview").textContent()) ?? "";
        expect(preview).toContain(`Về câu hỏi «${question}»:`);
        expect(preview).toContain("Căn cứ: ");
        expect(preview).not.toContain("{{org.");
      }
      await admin.getByRole("button", { name: "Lưu bản nháp" }).click();
      await admin.getByText("Dạ, đã lưu bản nháp.").waitFor();
      await admin.getByRole("button", { name: "Gửi duyệt" }).click();
      await admin.getByText("Dạ, đã gửi duyệt.").waitFor();
      if (round === 0) {
        // The editor is never shown an action they may not take: no approve button, the rule explained.
        await expect(
          admin.getByText(/Bạn đã sửa bản này nên nút duyệt không hiện với bạn\./).count(),
        ).resolves.toBe(1);
        await expect(admin.getByRole("button", { name: "Duyệt và xuất bản" }).count()).resolves.toBe(0);
        await expect(admin.getByRole("button", { name: "Trả lại để sửa" }).count()).resolves.toBe(1);
        expect(await ask(question)).not.toContain(text);
      }
      await logout();

      await openAs("qt.binh", `/admin/faqs/${EDITED}`);
      await expect(admin.locator(".workflow .badge").textContent()).resolves.toBe("Chờ duyệt");
      // The reviewer sees what changed against the live answer, word by word.
      await expect(admin.locator(".answer-diff ins").filter({ hasText: text }).count()).resolves.toBe(1);
      await expect(admin.locator(".answer-diff del").count()).resolves.toBe(0);
      const started = performance.now();
      await admin.getByRole("button", { name: "Duyệt và xuất bản" }).click();
      await admin.getByText("Dạ, đã duyệt và xuất bản.").waitFor();
      // The page says the chat answers with the new text now: the very next question gets it.
      const reply = await ask(question);
      expect(reply).toContain(text);
      timings.push(Math.round(performance.now() - started));
      expect(reply).toContain(`Về câu hỏi «${question}»:`);
      await logout();
    }
    console.info(
      `publish click → new answer in the web chat (${ROUNDS} publishes): ${timings.join(", ")} ms; median ${median(timings)} ms`,
    );
    expect(problems).toEqual([]);
  }, 300_000);

  it("puts a web-chat question that got choices or fallback in the inbox; added as a variant and published by another admin, it is then answered with that FAQ", async () => {
    const before = await ask(UNANSWERED);
    expect(before).not.toMatch(/^Về câu hỏi «/);
    const target = (await t.request("GET", `/api/v1/faqs/${TARGET}`)).body.question as string;

    await openAs("qt.an", "/admin/inbox");
    const group = admin.locator("li.group").filter({ hasText: UNANSWERED });
    await expect(group.count()).resolves.toBe(1);
    await expect(group.locator(".meta").textContent()).resolves.toMatch(/\d+ lượt hỏi/);
    await group.getByLabel(/Thêm làm cách hỏi của câu hỏi mẫu/).fill(TARGET);
    await group.getByRole("button", { name: "Thêm làm cách hỏi khác" }).click();
    await admin.getByText("Dạ, đã thêm cách hỏi.").waitFor();
    expect(admin.url()).toContain(`/admin/faqs/${TARGET}`);
    await expect(admin.locator(`input[name="variants"][value="${UNANSWERED}"]`).count()).resolves.toBe(1);
    // Handled: the group leaves the inbox.
    await admin.goto(`${t.app.baseUrl}/admin/inbox`);
    await expect(admin.locator("li.group").filter({ hasText: UNANSWERED }).count()).resolves.toBe(0);
    await logout();

    await openAs("qt.binh", `/admin/faqs/${TARGET}`);
    await admin.getByRole("button", { name: "Duyệt và xuất bản" }).click();
    await admin.getByText("Dạ, đã duyệt và xuất bản.").waitFor();
    await logout();

    const reply = await ask(UNANSWERED);
    expect(reply).toContain(`Về câu hỏi «${target}»:`);
    expect(reply).toContain("Căn cứ: ");
    expect(problems).toEqual([]);
  }, 180_000);
});
