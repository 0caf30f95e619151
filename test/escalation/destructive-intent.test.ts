import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/in-process-app.js";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({}, { index: true });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const DESCRIPTION = "Chồng tôi bỏ đi 3 năm, nay tôi muốn ly hôn nhưng không biết anh ấy ở đâu";
const INTAKE = ["tôi muốn gặp cán bộ", "có", DESCRIPTION, "đúng", "1", "xã Ví Dụ", "0", "gửi"];

/** Questions about deleting something else, each a legal question (issue #19, finding 1). */
const ABOUT_DELETING = [
  "Thủ tục xóa thông tin cư trú khi trong gia đình có người mất như thế nào?",
  "xóa thông tin thường trú của bố tôi đã mất",
  "xóa án tích sau bao lâu",
  "xóa thông tin thế chấp trên sổ đỏ",
  "thủ tục xóa tài khoản ngân hàng của người đã mất",
  "xóa tài khoản Zalo của tôi thế nào",
  "xóa nợ xấu ngân hàng được không",
];

async function openCase(sessionId: string): Promise<string> {
  let last: { intent?: string; text: string } | undefined;
  for (const text of INTAKE) last = (await app.ask({ text, sessionId })).body;
  expect(last?.intent).toBe("intake-done");
  const code = /TGPL-\d{4}-\d{6}/.exec(last?.text ?? "")?.[0];
  if (!code) throw new Error("no case code");
  return code;
}

describe("deleting a citizen's data through the ask API", () => {
  it("answers questions about deleting records as legal questions; the open case stays open and intact", async () => {
    const sessionId = `del-q-${Date.now()}`;
    const code = await openCase(sessionId);
    const before = await app.caseStore.get(code);
    for (const text of ABOUT_DELETING) {
      const { status, body } = await app.ask({ text, sessionId });
      expect(status).toBe(200);
      expect(body.intent ?? "").not.toMatch(/^delete-/);
      expect(body.text).not.toContain("Gõ XÓA");
    }
    const after = await app.caseStore.get(code);
    expect(after?.status).toBe("open");
    expect(after?.anonymizedAt).toBeUndefined();
    expect(after?.description).toBe(DESCRIPTION);
    expect(after?.description).toBe(before?.description);
    const status = await app.ask({ text: "tình trạng hồ sơ", sessionId });
    expect(status.body.text).toContain(code);
  });

  it("asks to confirm naming the case, keeps it on 'không', and anonymizes it only after 'XÓA'", async () => {
    const sessionId = `del-c-${Date.now()}`;
    const code = await openCase(sessionId);

    const asked = await app.ask({ text: "xóa dữ liệu của tôi", sessionId });
    expect(asked.body.intent).toBe("delete-confirm");
    expect(asked.body.text).toContain(code);
    expect(asked.body.text).toContain("Gõ XÓA để xác nhận");
    const kept = await app.ask({ text: "không", sessionId });
    expect(kept.body.intent).toBe("delete-kept");
    expect((await app.caseStore.get(code))?.status).toBe("open");
    expect((await app.caseStore.get(code))?.description).toBe(DESCRIPTION);

    await app.ask({ text: "xóa dữ liệu của tôi", sessionId });
    const done = await app.ask({ text: "XÓA", sessionId });
    expect(done.body.intent).toBe("delete-data");
    expect(done.body.text).toContain("1 hồ sơ");
    const gone = await app.caseStore.get(code);
    expect(gone?.status).toBe("closed");
    expect(gone?.anonymizedAt).toBeDefined();
    expect(gone?.description).not.toContain("ly hôn");
  });

  it("refuses a confirmation button sent with no deletion asked for: it only asks", async () => {
    const sessionId = `del-b-${Date.now()}`;
    const code = await openCase(sessionId);
    const pressed = await app.ask({ text: "Xóa dữ liệu", sessionId, action: { type: "confirm-delete" } });
    expect(pressed.body.intent).toBe("delete-confirm");
    expect((await app.caseStore.get(code))?.status).toBe("open");
  });
});
