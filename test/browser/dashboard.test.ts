import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type TestBrowser } from "../support/chromium.js";
import { startTestApp, type TestApp } from "../support/in-process-app.js";

let app: TestApp;
let browser: TestBrowser;
let context: BrowserContext;

beforeAll(async () => {
  app = await startTestApp({}, { index: true });
  await app.accounts.create({ username: "canbo.so.lieu", password: "mat-khau-dai-4", role: "staff" });
  browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  context = browser.context;
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The number a dashboard card shows, once the data has loaded. */
async function card(page: Page, id: string): Promise<number> {
  const text = (await page.locator(`#${id}`).textContent()) ?? "";
  return Number(text.replace(/\D/g, "") || Number.NaN);
}

/** Reloads the figures (the "Xem" button) until `check` holds; rollups follow events within a second or so. */
async function until(page: Page, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await check()) return;
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForTimeout(500);
  }
  throw new Error("the dashboard never showed the expected figures");
}

describe("the staff dashboard", () => {
  it("draws its charts for the seeded chats, and counts a phone call a staff member logs", async () => {
    // Seeded through the real ask API: three conversations today.
    const asks = ["ly hôn cần giấy tờ gì", "xin chào", "đội bóng nào vô địch năm nay"];
    for (const [i, text] of asks.entries()) {
      expect((await app.ask({ text, sessionId: `dash-${i}` })).status).toBe(200);
    }

    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.baseUrl}/staff/dashboard`);
    // No session: the login form first.
    await page.getByLabel("Tên đăng nhập").fill("canbo.so.lieu");
    await page.getByLabel("Mật khẩu").fill("mat-khau-dai-4");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.goto(`${app.baseUrl}/staff/dashboard`);

    await until(page, async () => (await card(page, "t-contacts")) >= asks.length);
    expect(await card(page, "t-calls")).toBe(0);
    // Every chart is drawn by Chart.js (served by the app, no CDN).
    const charts = await page.evaluate(() =>
      ["c-days", "c-kinds", "c-topics", "c-groups"].map((id) => {
        const canvas = document.getElementById(id) as HTMLCanvasElement | null;
        // biome-ignore lint/suspicious/noExplicitAny: Chart is the page's global from chart.umd.js
        return Boolean(canvas && (window as any).Chart?.getChart(canvas) && canvas.width > 0);
      }),
    );
    expect(charts).toEqual([true, true, true, true]);
    const contactsBefore = await card(page, "t-contacts");

    // A phone call logged in the console, in well under 30 seconds of typing.
    const form = page.locator("#call");
    await form.getByLabel("Lĩnh vực").selectOption({ index: 1 });
    await form.getByLabel("Nhóm người gọi").selectOption({ index: 1 });
    await form.getByLabel("Kết quả").selectOption({ index: 1 });
    await form.getByLabel(/Ghi chú/).fill("Người gọi hỏi về chia tài sản, số 0912345678");
    await page.getByRole("button", { name: "Lưu cuộc gọi" }).click();
    await expect.poll(() => page.locator("#call-status").textContent()).toContain("đã lưu");

    await until(page, async () => (await card(page, "t-calls")) === 1);
    expect(await card(page, "t-contacts")).toBe(contactsBefore + 1);
  }, 120_000);
});
