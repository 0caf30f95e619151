import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/in-process-app.js";
import { loginStaff } from "../support/staff-client.js";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({}, { index: true });
  await app.accounts.create({ username: "canbo.a", password: "mat-khau-dai-1", role: "staff" });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** The intake answers of a citizen who wants a reply in the chat. */
const ANSWERS = [
  "tôi muốn gặp cán bộ",
  "có",
  "Chồng tôi bỏ đi 3 năm, nay tôi muốn ly hôn nhưng không biết anh ấy ở đâu",
  "đúng",
  "1",
  "xã Ví Dụ",
  "0",
  "gửi",
];

describe("a web citizen handed to legal-aid staff", () => {
  it("gets a case code once stored; staff claim, reply into the web inbox, close; the citizen rates", async () => {
    const sessionId = `web-${Date.now()}`;
    await app.ask({ text: "ly hôn đơn phương cần giấy tờ gì", sessionId });
    let last: { kind: string; intent?: string; text: string } | undefined;
    for (const text of ANSWERS) last = (await app.ask({ text, sessionId })).body;
    expect(last?.kind).toBe("escalate");
    expect(last?.intent).toBe("intake-done");
    const code = /TGPL-\d{4}-\d{6}/.exec(last?.text ?? "")?.[0];
    expect(code).toBeDefined();

    // Durable before acknowledged: the case is in the store with the whole conversation.
    const stored = await app.caseStore.get(code as string);
    expect(stored?.status).toBe("open");
    expect(stored?.topic).toBe("hon-nhan-gia-dinh");
    // Staff see the conversation from the intake on, as the consent says; not the question before it.
    expect(stored?.transcript.some((t) => t.text.includes("ly hôn đơn phương"))).toBe(false);
    expect(stored?.transcript[0]?.text).toBe("tôi muốn gặp cán bộ");
    expect(stored?.citizenKey).not.toContain(sessionId);

    const status = await app.ask({ text: "tình trạng hồ sơ", sessionId });
    expect(status.body.text).toContain(code);

    const staff = await loginStaff(app.baseUrl, "canbo.a", "mat-khau-dai-1");
    const queue = (await (await staff.get("/api/v1/staff/cases")).json()) as { cases: { id: string }[] };
    expect(queue.cases.map((c) => c.id)).toContain(code);
    expect((await staff.post(`/api/v1/staff/cases/${code}/claim`)).status).toBe(200);
    const reply = await staff.post(`/api/v1/staff/cases/${code}/reply`, {
      text: "Chị mang giấy tờ đến Trung tâm nhé.",
    });
    expect(reply.status).toBe(200);

    const inbox = await fetch(`${app.baseUrl}/api/v1/inbox?sessionId=${sessionId}`);
    const messages = ((await inbox.json()) as { messages: { text: string }[] }).messages;
    expect(messages.map((m) => m.text).join("\n")).toContain("Chị mang giấy tờ đến Trung tâm nhé.");

    expect((await staff.post(`/api/v1/staff/cases/${code}/close`, { outcome: "answered" })).status).toBe(200);
    const afterClose = (
      (await (await fetch(`${app.baseUrl}/api/v1/inbox?sessionId=${sessionId}`)).json()) as {
        messages: { text: string }[];
      }
    ).messages;
    expect(afterClose.at(-1)?.text).toMatch(/từ 1 đến 5/);

    const rated = await app.ask({ text: "5", sessionId });
    expect(rated.body.intent).toBe("rating");
    expect((await app.caseStore.get(code as string))?.rating).toBe(5);
  });

  it("stores nothing when the citizen declines consent, and gives the center's contacts", async () => {
    const sessionId = `web-no-${Date.now()}`;
    await app.ask({ text: "cho tôi gặp cán bộ", sessionId });
    const declined = await app.ask({ text: "không", sessionId });
    expect(declined.body.intent).toBe("intake-declined");
    expect(declined.body.text).toContain(app.config.org.legalAidPhone);
    const status = await app.ask({ text: "tình trạng hồ sơ", sessionId });
    expect(status.body.text).not.toMatch(/TGPL-/);
  });
});
