import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminTestApp, PASSWORD, startAdminApp } from "../admin/support.js";
import { launchChromium, type TestBrowser } from "../support/chromium.js";

let t: AdminTestApp;
let browser: TestBrowser;
let axeSource: string;

beforeAll(async () => {
  t = await startAdminApp();
  browser = await launchChromium({ viewport: { width: 1366, height: 768 } });
  axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
}, 60_000);

async function login(page: Page, username: string): Promise<void> {
  await browser.context.clearCookies();
  await page.goto(`${t.app.baseUrl}/staff/login`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/staff\/cases/);
}

/** axe-core's WCAG 2 AA colour-contrast findings on the page as it is now: "selector: summary" lines. */
async function contrastProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the pages' CSP (script-src 'self') stays as it is.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the global axe.min.js defines
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: "rule", values: ["color-contrast"] } });
    return result.violations.flatMap((v: { nodes: { target: string[]; failureSummary: string }[] }) =>
      v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
    );
  });
}

/** The links of the common menu, by their text. */
async function menu(page: Page): Promise<string[]> {
  return page.locator("header nav a").allTextContents();
}

const ADMIN_PAGES = [
  "/staff/cases",
  "/staff/dashboard",
  "/staff/reports",
  "/staff/admin",
  "/admin/faqs",
  "/admin/faqs/new",
  "/admin/faqs/tgpl-ai-duoc-huong",
  "/admin/inbox",
  "/admin/currency",
];

describe("every console page", () => {
  it("passes axe-core's WCAG AA contrast check, signed out and signed in as an admin", async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await browser.context.clearCookies();
    await page.goto(`${t.app.baseUrl}/staff/login`);
    expect(await contrastProblems(page), "/staff/login").toEqual([]);
    await login(page, "qt.an");
    for (const path of ADMIN_PAGES) {
      await page.goto(`${t.app.baseUrl}${path}`);
      // The dashboard draws once its data has loaded.
      if (path === "/staff/dashboard") await page.locator("body .dashboard").waitFor();
      expect(await contrastProblems(page), path).toEqual([]);
    }
    await page.close();
  }, 240_000);

  it("offers one menu by role on the staff console, the dashboard, the reports and the admin console, with logout everywhere", async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    const everyone = ["Hàng chờ hồ sơ", "Số liệu và ghi cuộc gọi"];
    const roles = [
      ["cb.chi", everyone, ["/staff/cases", "/staff/dashboard"]],
      ["gs.dung", [...everyone, "Báo cáo"], ["/staff/cases", "/staff/dashboard", "/staff/reports"]],
      ["qt.an", [...everyone, "Báo cáo", "Tài khoản cán bộ", "Biên tập câu hỏi mẫu"], ADMIN_PAGES],
    ] as const;
    for (const [username, links, pages] of roles) {
      await login(page, username);
      for (const path of pages) {
        await page.goto(`${t.app.baseUrl}${path}`);
        expect(await menu(page), `${username} ${path}`).toEqual(links);
        expect(await page.getByRole("button", { name: "Đăng xuất" }).count(), `${username} ${path}`).toBe(1);
      }
      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await page.waitForURL(/\/staff\/login/);
    }
    await page.close();
  }, 240_000);
});
