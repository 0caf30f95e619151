import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, stepScreenshots, type TestBrowser } from "../support/chromium.js";
import { startTestApp, type TestApp } from "../support/in-process-app.js";

let app: TestApp;
let browser: TestBrowser;

beforeAll(async () => {
  app = await startTestApp({}, { index: true });
  browser = await launchChromium({ viewport: { width: 390, height: 844 }, reducedMotion: "reduce" });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Set SCREENSHOTS=dir to keep what the citizen saw at each step. */
const snap = stepScreenshots("intake-");

const STORY = "Nhà bên cạnh xây tường lấn sang đất nhà tôi gần một mét, tôi muốn đòi lại phần đất đó";

describe("the web intake on a phone", () => {
  it("goes from the person button to a case code by buttons, the story and commune typed, across a reload", async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${app.baseUrl}/`);
    const last = () => page.locator(".msg.bot").last();
    const settled = () => page.locator("#status").waitFor({ state: "hidden" });
    const press = async (name: string | RegExp) => {
      const before = await page.locator(".msg.bot").count();
      await last().getByRole("button", { name, exact: true }).click();
      await page.locator(".msg.bot").nth(before).waitFor();
      await settled();
    };
    const type = async (text: string) => {
      const before = await page.locator(".msg.bot").count();
      await page.getByLabel("Câu hỏi của bạn").fill(text);
      await page.getByLabel("Câu hỏi của bạn").press("Enter");
      await page.locator(".msg.bot").nth(before).waitFor();
      await settled();
    };

    // An FAQ about divorce first: its topic must not become the suggestion for a land story.
    await page.getByRole("button", { name: "Ly hôn đơn phương thế nào?" }).click();
    await last().getByRole("button", { name: "Gặp cán bộ trợ giúp pháp lý" }).waitFor();
    await settled();
    await press("Gặp cán bộ trợ giúp pháp lý");
    await snap(page, "consent");
    await press("Đồng ý");
    await type(STORY);
    await expect(last().getByRole("button", { name: "Đúng: Đất đai, sổ đỏ" }).isVisible()).resolves.toBe(
      true,
    );
    await snap(page, "topic");
    await press("Đúng: Đất đai, sổ đỏ");
    const contact = last().getByRole("button", { name: "Trả lời trong khung chat này" });
    await contact.waitFor();

    // A reload mid-intake: the conversation is drawn again, only the current question's buttons answer.
    await page.reload();
    await last().getByRole("button", { name: "Trả lời trong khung chat này" }).waitFor();
    expect(await page.getByRole("button", { name: "Đồng ý", exact: true }).isDisabled()).toBe(true);
    expect(await page.getByText(STORY).count()).toBeGreaterThan(0);
    await snap(page, "after-reload");
    await press("Trả lời trong khung chat này");
    await type("xã Ví Dụ");

    // The screening: boxes to tick, each a finger-size target, then "Xong".
    const poor = last().getByRole("checkbox", { name: "Người thuộc hộ nghèo" });
    const old = last().getByRole("checkbox", { name: "Người cao tuổi (từ 60 tuổi)" });
    const box = await last().locator(".pick").first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await poor.check();
    await old.check();
    await snap(page, "groups-ticked");
    await press("Xong");
    await page
      .locator(".msg.citizen")
      .last()
      .getByText("Người thuộc hộ nghèo; Người cao tuổi (từ 60 tuổi)")
      .waitFor();
    // Not every ticked group needs the money question ("hộ nghèo" qualifies alone): the summary comes.
    await snap(page, "summary");
    await press("Gửi cho cán bộ");
    const done = (await last().textContent()) ?? "";
    const code = /TGPL-\d{4}-\d{6}/.exec(done)?.[0] ?? "";
    expect(code, done).not.toBe("");
    await snap(page, "done");

    const stored = await app.caseStore.get(code);
    expect(stored).toMatchObject({ description: STORY, topic: "dat-dai", contactPreference: "chat" });
    expect(stored?.eligibility).toMatchObject({
      result: "likely-eligible",
      answers: { hoNgheo: true, nguoiCaoTuoi: true, treEm: false },
    });
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
  }, 120_000);

  it("re-asks for the story after a phone number, and after danger keeps the story and resumes by button", async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.baseUrl}/`);
    // A new conversation: the first test's case is open in this browser's session.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const last = () => page.locator(".msg.bot").last();
    const send = async (text: string, action: () => Promise<void>) => {
      const before = await page.locator(".msg.bot").count();
      await action();
      await page.locator(".msg.bot").nth(before).waitFor();
      await page.locator("#status").waitFor({ state: "hidden" });
      return text;
    };
    const type = (text: string) =>
      send(text, async () => {
        await page.getByLabel("Câu hỏi của bạn").fill(text);
        await page.getByLabel("Câu hỏi của bạn").press("Enter");
      });
    const press = (name: string) =>
      send(name, () => last().getByRole("button", { name, exact: true }).click());

    await type("tôi muốn gặp cán bộ");
    await press("Đồng ý");
    await type("0912 345 678");
    expect(await last().textContent()).toContain("đây là số điện thoại");
    await snap(page, "phone-as-story");
    const story = "Chồng tôi đang cầm dao dọa giết tôi, tôi muốn ly hôn và nuôi con";
    await type(story);
    expect(await last().getAttribute("class")).toContain("kind-emergency");
    expect(await last().textContent()).toContain("113");
    await snap(page, "danger-mid-intake");
    await press("Tiếp tục hồ sơ");
    expect(await last().textContent()).toContain(story);
    await snap(page, "resumed");
    // The phone typed as the story is offered as the contact.
    await press("Chủ đề khác / chưa rõ");
    await last().getByRole("button", { name: "Gọi số 0912345678" }).waitFor();
  }, 120_000);
});
