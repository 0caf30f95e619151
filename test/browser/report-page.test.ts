import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricsKeys, redisCallLog } from "../../src/metrics/index.js";
import { XLSX_HEADER_ROW } from "../../src/metrics/report-xlsx.js";
import { xaddEvent } from "../metrics/seed-events.js";
import { launchChromium, type TestBrowser } from "../support/chromium.js";
import { startTestApp, type TestApp } from "../support/in-process-app.js";

let app: TestApp;
let browser: TestBrowser;
// Last year's first half: always a past period the page offers as a preset.
const year = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4)) - 1;

/**
 * Hand-counted seed for [1/1, 30/6] of `year`: 4 chat questions (web ×2 by one person on one day,
 * Telegram, Zalo), one case, one phone call → 5 contacts, 4 conversations; and one chat in July
 * that the six-month report must leave out.
 */
async function seed(): Promise<void> {
  const { redis } = app;
  const prefix = app.config.redis.prefix;
  const usage = metricsKeys.usageStream(prefix);
  const at = (md: string) => `${year}-${md}T03:00:00.000Z`;
  const event = (when: string, channel: string, session: string, kind: string, extra: object = {}) =>
    xaddEvent(redis, usage, { at: at(when), channel, session, kind, language: "vi", latencyMs: 9, ...extra });
  await event("02-10", "web", "r1", "answer", { topic: "dat-dai", faqId: "x" });
  await event("02-10", "web", "r1", "choices", { topic: "dat-dai" });
  await event("03-05", "telegram", "r2", "escalate", { topic: "hon-nhan-gia-dinh" });
  await event("05-20", "zalo", "r3", "fallback", { intent: "no-match" });
  await event("07-02", "web", "r4", "answer", { topic: "lao-dong" });
  await xaddEvent(redis, metricsKeys.caseStream(prefix), {
    at: at("03-05"),
    type: "created",
    caseId: `TGPL-${year}-000042`,
    channel: "telegram",
    topic: "hon-nhan-gia-dinh",
    eligibility: "unclear",
    groups: [],
  });
  await redisCallLog({ redis, prefix }).record(
    { time: at("04-01"), durationSeconds: 300, topic: "dat-dai", callerGroup: "child", outcome: "answered" },
    "canbo.bao.cao",
  );
}

beforeAll(async () => {
  app = await startTestApp({}, { index: true });
  await app.accounts.create({ username: "quan.tri.bao.cao", password: "mat-khau-dai-8", role: "admin" });
  await seed();
  browser = await launchChromium({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The number in column B of the summary row whose label is `label`. */
function summaryValue(sheet: ExcelJS.Worksheet | undefined, label: string): unknown {
  let found: unknown;
  sheet?.eachRow((row) => {
    if (row.getCell(1).value === label) found = row.getCell(2).value;
  });
  return found;
}

async function login(page: Page): Promise<void> {
  await page.getByLabel("Tên đăng nhập").fill("quan.tri.bao.cao");
  await page.getByLabel("Mật khẩu").fill("mat-khau-dai-8");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

describe("the report page", () => {
  it("lets an admin pick the six-month period in one click and download the XLSX that matches the seeded events", async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.baseUrl}/staff/cases`);
    await login(page);
    // Reached from the common menu, not by typing an address.
    await page.getByRole("navigation").getByRole("link", { name: "Báo cáo" }).click();
    await page.getByRole("link", { name: `6 tháng đầu năm ${year}` }).click();
    await expect.poll(() => page.url()).toContain(`from=${year}-01-01&to=${year}-06-30`);
    await expect.poll(() => page.locator("h2#preview").textContent()).toContain(`01/01/${year}`);

    // The rollups follow the events within a second or so: reload the preview until they show.
    const contacts = page
      .locator("tr", { hasText: "Tổng lượt tiếp nhận (tin nhắn + điện thoại)" })
      .locator("td.n");
    for (let i = 0; i < 40 && ((await contacts.textContent()) ?? "").trim() !== "5"; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    expect((await contacts.textContent())?.trim()).toBe("5");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải Excel (XLSX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bao-cao-${year}-01-01_${year}-06-30.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer);

    const summary = book.getWorksheet("Tổng hợp");
    expect(summary?.getCell(1, 1).value).toBe(
      `Báo cáo kết quả tiếp nhận, giải đáp pháp luật từ ngày 01/01/${year} đến ngày 30/06/${year}`,
    );
    expect(summaryValue(summary, "Tổng lượt tiếp nhận (tin nhắn + điện thoại)")).toBe(5);
    expect(summaryValue(summary, "Lượt hỏi qua tin nhắn")).toBe(4);
    expect(summaryValue(summary, "Lượt trò chuyện và cuộc gọi")).toBe(4);
    expect(summaryValue(summary, "Cuộc gọi đường dây nóng")).toBe(1);
    expect(summaryValue(summary, "Hồ sơ chuyển cán bộ trợ giúp pháp lý")).toBe(1);

    const channels = book.getWorksheet("Theo kênh");
    expect(channels?.getRow(XLSX_HEADER_ROW).getCell(1).value).toBe("Mục");
    let total: unknown[] = [];
    channels?.eachRow((row) => {
      if (row.getCell(1).value === "Tổng cộng") total = (row.values as unknown[]).slice(2);
    });
    // contacts, conversations, cases: the July chat is not in the first half.
    expect(total).toEqual([5, 4, 1]);
    await page.close();
  }, 120_000);
});
