import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/runtime/index.js";
import { launchChromium, type TestBrowser } from "../support/chromium.js";
import { deleteKeys, meiliClient, randomName, redisClient, sharedServicesEnv } from "../support/services.js";
import { type AppProcess, spawnApp } from "../support/spawn-app.js";

const SLOW = 60_000;

// Canonical FAQ questions and short keywords. Ranking is calibrated elsewhere (npm run eval); this
// test is about the page, so it uses the first text the running engine answers with the kind needed.
const CONFIDENT = [
  "Những ai được Nhà nước trợ giúp pháp lý miễn phí?",
  "Làm thủ tục ly hôn mất bao lâu thì xong?",
  "Nam nữ bao nhiêu tuổi thì được kết hôn và cần những điều kiện gì?",
  "Khi ly hôn, tài sản chung của vợ chồng được chia như thế nào?",
  "Nộp đơn ly hôn ở tòa án nào và cần những giấy tờ gì?",
];
const AMBIGUOUS = ["ly hôn", "sổ đỏ", "bảo hiểm xã hội", "thừa kế"];
const SCRIPT = "<script>alert(1)</script>";

/** The first text that the ask API answers with `kind`. */
async function firstOfKind(baseUrl: string, kind: string, texts: readonly string[]): Promise<string> {
  for (const text of texts) {
    const res = await fetch(`${baseUrl}/api/v1/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
    if (res.ok && ((await res.json()) as { kind: string }).kind === kind) return text;
  }
  throw new Error(`none of ${JSON.stringify(texts)} gets kind "${kind}" from the running app`);
}

/** Runs `act`, then waits for the next bot bubble and for the "đang trả lời…" line to go. */
async function nextReply(page: Page, act: () => Promise<void>): Promise<Locator> {
  const before = await page.locator(".msg.bot").count();
  await act();
  await page.waitForFunction((n) => document.querySelectorAll(".msg.bot").length > n, before, {
    timeout: SLOW,
  });
  await page.locator("#status").waitFor({ state: "hidden", timeout: SLOW });
  // nth, not last(): a locator is resolved lazily, and later replies must not shift it.
  return page.locator(".msg.bot").nth(before);
}

async function typeAndSend(page: Page, text: string): Promise<Locator> {
  const input = page.getByLabel("Câu hỏi của bạn");
  await input.fill(text);
  return nextReply(page, () => input.press("Enter"));
}

describe("the web chat", () => {
  const prefix = randomName("webchat");
  let dataDir = "";
  let browser: TestBrowser | undefined;
  let app: AppProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const dialogs: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-webchat-"));
    app = spawnApp(sharedServicesEnv(dataDir, prefix), await freePort());
    await app.waitReady(SLOW);
    browser = await launchChromium({
      viewport: { width: 390, height: 844 },
      // Instant scrolling: a screenshot taken mid smooth-scroll shows the sticky composer half drawn.
      reducedMotion: "reduce",
    });
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(SLOW);
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (app) {
      app.child.kill("SIGTERM");
      await app.exited;
    }
    await meiliClient()
      .deleteIndex(prefix)
      .waitTask()
      .catch(() => undefined);
    const redis = redisClient();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await rm(dataDir, { recursive: true, force: true });
  }, 120_000);

  it(
    "greets in Vietnamese with example questions and a labelled input",
    async () => {
      if (!app) throw new Error("app not started");
      await page.goto(app.baseUrl);
      expect(await page.getAttribute("html", "lang")).toBe("vi");
      expect(await page.locator("h1").textContent()).toBe("Trợ lý pháp luật");
      expect(await page.locator(".top .note").textContent()).toMatch(/113/);
      expect(await page.locator(".greeting .bubble").textContent()).toMatch(/^Dạ, chào bạn!/);
      expect(await page.locator(".examples button").count()).toBe(4);
      expect(await page.locator("[aria-live=polite]#log").count()).toBe(1);
      expect(await page.getByLabel("Câu hỏi của bạn").getAttribute("maxlength")).toBe("2000");
      expect(problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "lets a keyboard-only citizen Tab to an example question and send it with Enter",
    async () => {
      await page.locator("body").focus();
      let focused = "";
      for (let i = 0; i < 6 && focused !== "example"; i++) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() =>
          document.activeElement?.closest(".examples") && document.activeElement.tagName === "BUTTON"
            ? "example"
            : (document.activeElement?.tagName ?? ""),
        );
      }
      expect(focused).toBe("example");
      const label = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
      const reply = await nextReply(page, () => page.keyboard.press("Enter"));
      expect(await page.locator(".msg.citizen .bubble").last().textContent()).toBe(label);
      expect(await reply.locator(".bubble").textContent()).toMatch(/\S/);
    },
    SLOW,
  );

  it(
    "shows an answer with its legal basis, then a choice, then thanks for a thumbs-down",
    async () => {
      if (!app) throw new Error("app not started");
      const confident = await firstOfKind(app.baseUrl, "answer", CONFIDENT);
      const ambiguous = await firstOfKind(app.baseUrl, "choices", AMBIGUOUS);

      const answer = await typeAndSend(page, confident);
      expect(await answer.getAttribute("class")).toContain("kind-answer");
      expect(await answer.locator(".bubble").textContent()).toMatch(/\nCăn cứ: /);
      expect(await answer.locator(".legal-basis li").count()).toBeGreaterThan(0);
      expect(await answer.locator(".legal-basis li").first().textContent()).toMatch(/\S/);
      expect(await page.getByLabel("Câu hỏi của bạn").inputValue()).toBe("");
      expect(await page.locator(".msg.citizen .bubble").last().textContent()).toBe(confident);

      const choices = await typeAndSend(page, ambiguous);
      expect(await choices.getAttribute("class")).toContain("kind-choices");
      const first = choices.locator("button.action-choose").first();
      const label = (await first.textContent()) ?? "";
      const chosen = await nextReply(page, () => first.click());
      expect(await page.locator(".msg.citizen .bubble").last().textContent()).toBe(label);
      expect(await chosen.getAttribute("class")).toContain("kind-answer");
      expect(await chosen.locator(".bubble").textContent()).toMatch(/\nCăn cứ: /);

      const down = chosen.getByRole("button", { name: /👎/ });
      const thanks = await nextReply(page, () => down.click());
      expect(await thanks.locator(".bubble").textContent()).toMatch(/cảm ơn bạn đã góp ý/);
      expect(await chosen.locator(".feedback-button").count()).toBe(2);
      for (const button of await chosen.locator(".feedback-button").all()) {
        expect(await button.isDisabled()).toBe(true);
      }
      await page.screenshot({ path: "/tmp/webchat.png" });
      expect(problems).toEqual([]);
    },
    3 * SLOW,
  );

  it(
    "shows typed markup as text and never runs it",
    async () => {
      const scriptsBefore = await page.locator("script").count();
      await typeAndSend(page, SCRIPT);
      expect(await page.locator(".msg.citizen .bubble").last().textContent()).toBe(SCRIPT);
      expect(await page.locator("#log script").count()).toBe(0);
      expect(await page.locator("script").count()).toBe(scriptsBefore);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "keeps the typed question and says it could not connect when the network fails",
    async () => {
      const question = "Tôi muốn hỏi về thừa kế đất đai";
      await page.route("**/api/v1/ask", (route) => route.abort("internetdisconnected"));
      try {
        const notice = await typeAndSend(page, question);
        expect(await notice.locator(".bubble").textContent()).toBe("Không kết nối được, bạn thử lại nhé.");
        expect(await page.getByLabel("Câu hỏi của bạn").inputValue()).toBe(question);
      } finally {
        await page.unroute("**/api/v1/ask");
      }
    },
    SLOW,
  );

  it(
    "asks the citizen to wait a moment when the server says 429",
    async () => {
      await page.route("**/api/v1/ask", (route) =>
        route.fulfill({
          status: 429,
          contentType: "application/json",
          headers: { "Retry-After": "20" },
          body: JSON.stringify({ error: { code: "rate_limited", message: "Bạn gửi nhanh quá." } }),
        }),
      );
      try {
        const notice = await typeAndSend(page, "ly hôn");
        expect(await notice.locator(".bubble").textContent()).toMatch(/chờ .*rồi gửi lại/);
        expect(await page.getByLabel("Câu hỏi của bạn").inputValue()).toBe("ly hôn");
      } finally {
        await page.unroute("**/api/v1/ask");
      }
    },
    SLOW,
  );
});
