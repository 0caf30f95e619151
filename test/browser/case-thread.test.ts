import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, stepScreenshots, type TestBrowser } from "../support/chromium.js";
import { startTestApp, type TestApp } from "../support/in-process-app.js";
import { INTAKE_IN_CHAT } from "../support/intake-answers.js";

let app: TestApp;
let citizenBrowser: TestBrowser;
let staffBrowser: TestBrowser;

beforeAll(async () => {
  app = await startTestApp({}, { index: true });
  await app.accounts.create({ username: "canbo.web", password: "mat-khau-dai-3", role: "staff" });
  citizenBrowser = await launchChromium({ viewport: { width: 390, height: 844 }, reducedMotion: "reduce" });
  staffBrowser = await launchChromium({ viewport: { width: 1280, height: 900 } });
}, 120_000);
afterAll(async () => {
  await citizenBrowser?.close();
  await staffBrowser?.close();
  await app?.close();
});

/** Set SCREENSHOTS=dir to keep what each side saw at each step. */
const snap = stepScreenshots();

describe("a web citizen and a legal-aid officer talk in one thread", () => {
  it("escalates, talks both ways live, survives a reload, closes and rates with a button", async () => {
    const citizen = await citizenBrowser.context.newPage();
    citizen.setDefaultTimeout(30_000);
    const problems: string[] = [];
    citizen.on("pageerror", (e) => problems.push(e.message));
    await citizen.goto(`${app.baseUrl}/`);
    const box = citizen.getByLabel("Câu hỏi của bạn");
    const say = async (text: string) => {
      const before = await citizen.locator(".msg.citizen").count();
      await box.fill(text);
      await box.press("Enter");
      await citizen.locator(".msg.citizen").nth(before).waitFor();
      await citizen.locator("#status").waitFor({ state: "hidden" });
    };
    for (const text of INTAKE_IN_CHAT) await say(text);
    const done = (await citizen.locator(".msg.bot").last().textContent()) ?? "";
    const code = /TGPL-\d{4}-\d{6}/.exec(done)?.[0] ?? "";
    expect(code, done).not.toBe("");
    await citizen.locator(".thread-bar").getByText(`Hồ sơ ${code}`).waitFor();
    await snap(citizen, "citizen-case-opened");

    // The officer logs in, opens the case from the queue, claims it and asks a question.
    const staff = await staffBrowser.context.newPage();
    staff.setDefaultTimeout(30_000);
    await staff.goto(`${app.baseUrl}/staff`);
    await staff.getByLabel("Tên đăng nhập").fill("canbo.web");
    await staff.getByLabel("Mật khẩu").fill("mat-khau-dai-3");
    await staff.getByRole("button", { name: "Đăng nhập" }).click();
    await staff.getByRole("link", { name: code }).click();
    await staff.getByRole("button", { name: "Nhận hồ sơ này" }).click();
    const reply = async (text: string) => {
      await staff.getByLabel(/Trả lời người dân/).fill(text);
      await staff.getByRole("button", { name: "Gửi trả lời" }).click();
      await staff.locator("#thread").getByText(text).waitFor();
    };
    await reply("Anh/chị còn giữ giấy vay không?");
    await snap(staff, "staff-asked");

    // The citizen sees it in the chat and answers; the bot stays out.
    await citizen.locator(".msg.staff").getByText("Anh/chị còn giữ giấy vay không?").waitFor();
    await staff.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await say("Dạ em còn giữ ạ");
    await citizen.locator(".msg.citizen.to-officer").last().getByText("Đã chuyển cho cán bộ").waitFor();
    await snap(citizen, "citizen-answered");

    // The officer's page shows the answer without a reload.
    await staff.locator("#thread").getByText("Dạ em còn giữ ạ").waitFor();
    expect(await staff.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await snap(staff, "staff-sees-answer-live");

    // Mid-way the citizen reloads: the thread, the case code and the officer's message are still there.
    await citizen.reload();
    await citizen.locator(".msg.staff").getByText("Anh/chị còn giữ giấy vay không?").waitFor();
    await citizen.locator(".msg.citizen").getByText("Dạ em còn giữ ạ").waitFor();
    await citizen.locator(".thread-bar").getByText(`Hồ sơ ${code}`).waitFor();
    expect(await citizen.locator(".msg.bot").getByText(code).count()).toBeGreaterThan(0);
    await snap(citizen, "citizen-after-reload");

    // Two more messages each way.
    await reply("Giấy vay có chữ ký của người vay không?");
    await citizen.locator(".msg.staff").getByText("Giấy vay có chữ ký của người vay không?").waitFor();
    await staff.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await say("Dạ có chữ ký và ngày tháng ạ");
    await staff.locator("#thread").getByText("Dạ có chữ ký và ngày tháng ạ").waitFor();
    expect(await staff.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await reply("Anh/chị mang giấy vay đến Trung tâm để cán bộ hướng dẫn khởi kiện nhé.");
    await citizen.locator(".msg.staff").getByText("mang giấy vay đến Trung tâm").waitFor();
    await say("Dạ em cảm ơn, thứ hai em mang đến ạ");
    await staff.locator("#thread").getByText("thứ hai em mang đến").waitFor();
    const notes = (await app.caseStore.get(code))?.notes ?? [];
    expect(notes.map((n) => n.kind)).toEqual(["reply", "citizen", "reply", "citizen", "reply", "citizen"]);
    await snap(staff, "staff-thread");

    // The officer closes; the citizen rates with a button.
    await staff.getByLabel("Kết quả xử lý").selectOption("answered");
    await staff.getByRole("button", { name: "Đóng hồ sơ" }).click();
    await staff.getByText("Đã đóng hồ sơ").waitFor();
    const rating = citizen.locator(".msg.staff").filter({ hasText: "từ 1 đến 5" });
    await rating.waitFor();
    await snap(citizen, "citizen-rating");
    await rating.getByRole("button", { name: /^5/ }).click();
    await citizen
      .locator(".msg.bot")
      .getByText(/cảm ơn bạn đã đánh giá/)
      .waitFor();
    expect((await app.caseStore.get(code))?.rating).toBe(5);
    await citizen.locator(".thread-bar").waitFor({ state: "hidden" });
    await snap(citizen, "citizen-rated");
    expect(problems).toEqual([]);
  }, 240_000);
});
