import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCuration } from "../../src/curation/index.js";
import { startTestApp, type TestApp } from "../support/in-process-app.js";
import { INTAKE_IN_CHAT } from "../support/intake-answers.js";
import { loginStaff, type StaffClient } from "../support/staff-client.js";

let app: TestApp;
let staff: StaffClient;

beforeAll(async () => {
  app = await startTestApp({}, { index: true });
  await app.accounts.create({ username: "canbo.t", password: "mat-khau-dai-1", role: "staff" });
  staff = await loginStaff(app.baseUrl, "canbo.t", "mat-khau-dai-1");
}, 60_000);
afterAll(async () => {
  await app?.close();
});

let n = 0;
const newSession = () => `thread-${Date.now()}-${++n}`;

/** A web citizen goes through the intake choosing "reply in this chat"; resolves with the case code. */
async function openCase(sessionId: string): Promise<{ code: string; done: Record<string, unknown> }> {
  let last: Record<string, unknown> = {};
  for (const text of INTAKE_IN_CHAT) last = (await app.ask({ text, sessionId })).body;
  expect(last.intent).toBe("intake-done");
  const code = /TGPL-\d{4}-\d{6}/.exec(String(last.text))?.[0];
  if (!code) throw new Error("no case code");
  return { code, done: last };
}

const notesOf = async (code: string) => (await app.caseStore.get(code))?.notes ?? [];

describe("the case thread (web)", () => {
  it("sends what the citizen types to the case and the bot stays out; staff and citizen talk until close", async () => {
    const sessionId = newSession();
    const { code, done } = await openCase(sessionId);
    expect(String(done.text)).toMatch(/quay lại trợ lý/);
    expect(done.buttons).toContainEqual({ label: "Quay lại trợ lý", action: { type: "leave-thread" } });

    expect((await staff.post(`/api/v1/staff/cases/${code}/claim`)).status).toBe(200);
    await staff.post(`/api/v1/staff/cases/${code}/reply`, { text: "Anh/chị còn giữ giấy vay không?" });

    const answer = await app.ask({ text: "Dạ em còn giữ ạ", sessionId });
    expect(answer.status).toBe(200);
    expect(answer.body.intent).toBe("thread-message");
    expect(answer.body.text).toBe("");
    const notes = await notesOf(code);
    expect(notes.map((x) => [x.kind, x.text])).toEqual([
      ["reply", "Anh/chị còn giữ giấy vay không?"],
      ["citizen", "Dạ em còn giữ ạ"],
    ]);
    const stored = await app.caseStore.get(code);
    expect(stored?.unread).toBe(1);

    // Staff open the case: the message is read.
    const view = (await (await staff.get(`/api/v1/staff/cases/${code}`)).json()) as {
      case: { notes: { kind: string; text: string }[] };
    };
    expect(view.case.notes.at(-1)).toMatchObject({ kind: "citizen", text: "Dạ em còn giữ ạ" });
    expect((await app.caseStore.get(code))?.unread).toBe(0);

    // A question about the law inside the thread is for the officer too, not for the bot.
    const question = await app.ask({ text: "ly hôn đơn phương cần giấy tờ gì", sessionId });
    expect(question.body.intent).toBe("thread-message");

    expect((await staff.post(`/api/v1/staff/cases/${code}/close`, { outcome: "answered" })).status).toBe(200);
    // The rating is a button: a quick reply read as the number.
    const inbox = (await (await fetch(`${app.baseUrl}/api/v1/inbox?sessionId=${sessionId}`)).json()) as {
      messages: { text: string; buttons?: { label: string; action: unknown }[] }[];
    };
    const rating = inbox.messages.at(-1);
    expect(rating?.text).toMatch(/từ 1 đến 5/);
    expect(rating?.buttons?.map((b) => b.action)).toContainEqual({ type: "answer", text: "5" });
    const rated = await app.ask({ text: "5", sessionId, action: { type: "answer", text: "5" } });
    expect(rated.body.intent).toBe("rating");
    expect((await app.caseStore.get(code))?.rating).toBe(5);

    // After close the bot answers again.
    const after = await app.ask({ text: "ly hôn đơn phương cần giấy tờ gì", sessionId });
    expect(String(after.body.intent)).not.toMatch(/^thread-/);
    expect(["answer", "choices"]).toContain(after.body.kind);
    expect((await notesOf(code)).filter((x) => x.kind === "citizen")).toHaveLength(2);
  });

  it("answers danger first inside the thread, and the message still reaches the officer", async () => {
    const sessionId = newSession();
    const { code } = await openCase(sessionId);
    const text = "chồng em đang cầm dao dọa giết em";
    const reply = await app.ask({ text, sessionId });
    expect(reply.body.kind).toBe("emergency");
    expect(reply.body.text).toMatch(/113/);
    expect(reply.body.text).toContain(`đã được chuyển cho cán bộ phụ trách hồ sơ ${code}`);
    expect((await notesOf(code)).map((x) => x.text)).toContain(text);
  });

  it("lets the citizen leave the thread for the bot and come back to the same case with 'gặp cán bộ'", async () => {
    const sessionId = newSession();
    const { code } = await openCase(sessionId);

    const left = await app.ask({ text: "quay lại trợ lý", sessionId });
    expect(left.body.intent).toBe("thread-left");
    expect(left.body.text).toContain(code);
    expect(left.body.buttons.map((b: { action: { type: string } }) => b.action.type)).toContain("escalate");

    const botAnswer = await app.ask({ text: "ly hôn đơn phương cần giấy tờ gì", sessionId });
    expect(["answer", "choices"]).toContain(botAnswer.body.kind);
    expect(await notesOf(code)).toHaveLength(0);

    const back = await app.ask({ text: "gặp cán bộ", sessionId });
    expect(back.body.intent).toBe("thread-resumed");
    expect(back.body.text).toContain(code);
    const again = await app.ask({ text: "Em muốn hỏi thêm về lãi suất", sessionId });
    expect(again.body.intent).toBe("thread-message");
    expect((await notesOf(code)).map((x) => x.text)).toEqual(["Em muốn hỏi thêm về lãi suất"]);

    // The button works the same way both ways, and no second case was opened.
    expect(
      (await app.ask({ text: "Quay lại trợ lý", sessionId, action: { type: "leave-thread" } })).body.intent,
    ).toBe("thread-left");
    expect((await app.ask({ text: "Gặp cán bộ", sessionId, action: { type: "escalate" } })).body.intent).toBe(
      "thread-resumed",
    );
    const status = await app.ask({ text: "tình trạng hồ sơ", sessionId });
    expect(status.body.text.match(/TGPL-\d{4}-\d{6}/g)).toEqual([code]);
  });

  it("keeps thread messages out of the curators' unanswered inbox (a question to the bot lands there)", async () => {
    const curation = createCuration({
      contentDir: app.config.content.dir,
      redis: app.redis,
      prefix: app.config.redis.prefix,
      reindex: async () => {},
    });
    const samples = async () =>
      (await curation.inbox.list()).groups.flatMap((g) => [g.question, ...g.samples]).join("\n");

    // Control: the same kind of sentence sent to the bot is filed as unanswered.
    const outside = newSession();
    await app.ask({ text: "con meo nha em van con giu ban goc roi a", sessionId: outside });
    await vi.waitFor(async () => expect(await samples()).toContain("con meo nha em van con giu ban goc"), {
      timeout: 5000,
    });

    const sessionId = newSession();
    const { code } = await openCase(sessionId);
    const reply = await app.ask({ text: "con cho nha em van con giu ban goc roi a", sessionId });
    expect(reply.body.intent).toBe("thread-message");
    // A later bot question of another citizen lands in the inbox: the stream was read past the thread message.
    await app.ask({ text: "con ga nha em van con giu ban goc roi a", sessionId: newSession() });
    await vi.waitFor(async () => expect(await samples()).toContain("con ga nha em van con giu ban goc"), {
      timeout: 5000,
    });
    expect(await samples()).not.toContain("con cho nha em");
    expect((await notesOf(code)).map((x) => x.text)).toContain("con cho nha em van con giu ban goc roi a");
  });

  it("keeps a phone-answered case out of the chat: the citizen's messages go to the bot", async () => {
    const sessionId = newSession();
    const answers = [
      "tôi muốn gặp cán bộ",
      "có",
      "Tôi cho hàng xóm vay 50 triệu có giấy vay, nay họ không trả",
      "đúng",
      "0912345678",
      "xã Ví Dụ",
      "0",
      "gửi",
    ];
    let last: Record<string, unknown> = {};
    for (const text of answers) last = (await app.ask({ text, sessionId })).body;
    expect(last.intent).toBe("intake-done");
    expect(String(last.text)).not.toMatch(/quay lại trợ lý/);
    const next = await app.ask({ text: "ly hôn đơn phương cần giấy tờ gì", sessionId });
    expect(String(next.body.intent)).not.toMatch(/^thread-/);
    expect(["answer", "choices"]).toContain(next.body.kind);
  });
});

describe("the web chat's history on the server", () => {
  type Entry = { role: string; text: string; toOfficer?: boolean; inboxId?: number; buttons?: unknown[] };
  const history = async (sessionId: string) =>
    (await (await fetch(`${app.baseUrl}/api/v1/history?sessionId=${sessionId}`)).json()) as {
      messages: Entry[];
      thread?: { caseId: string; away: boolean };
    };

  it("keeps the conversation with the case code and the officer's messages, expiring with the session", async () => {
    const sessionId = newSession();
    await app.ask({ text: "ly hôn đơn phương cần giấy tờ gì", sessionId });
    const { code } = await openCase(sessionId);
    await staff.post(`/api/v1/staff/cases/${code}/claim`);
    await staff.post(`/api/v1/staff/cases/${code}/reply`, { text: "Chị còn giữ giấy vay không?" });
    await app.ask({ text: "Số em là 0912 345 678 ạ", sessionId });
    await app.ask({ text: "Dạ em còn giữ ạ", sessionId });

    const kept = await history(sessionId);
    expect(kept.thread).toEqual({ caseId: code, away: false });
    const lines = kept.messages.map((m) => `${m.role}:${m.text}`);
    expect(lines[0]).toBe("citizen:ly hôn đơn phương cần giấy tờ gì");
    expect(kept.messages.find((m) => m.role === "bot" && m.text.includes(code))).toBeDefined();
    const staffLine = kept.messages.find((m) => m.role === "staff");
    expect(staffLine?.text).toContain("Chị còn giữ giấy vay không?");
    expect(staffLine?.inboxId).toBe(1);
    expect(kept.messages.at(-1)).toMatchObject({ role: "citizen", text: "Dạ em còn giữ ạ", toOfficer: true });
    // Phone numbers typed in the chat are not kept in the copy.
    expect(lines).toContain("citizen:Số em là [số điện thoại] ạ");
    expect(JSON.stringify(kept.messages)).not.toContain("345 678");

    const ttl = await app.redis.ttl(`${app.config.redis.prefix}:web:history:${sessionId}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(app.config.engine.sessionTtlSeconds);

    // Another browser's session sees nothing of it.
    expect((await history(newSession())).messages).toEqual([]);
  });

  it("is cleared with the citizen's data", async () => {
    const sessionId = newSession();
    await openCase(sessionId);
    expect((await history(sessionId)).messages.length).toBeGreaterThan(0);
    let reply = await app.ask({ text: "xóa dữ liệu của tôi", sessionId });
    // A confirmation step may come first (a destructive request is confirmed).
    if (reply.body.intent !== "delete-data") reply = await app.ask({ text: "XÓA", sessionId });
    expect(reply.body.intent).toBe("delete-data");
    const after = await history(sessionId);
    expect(after.messages).toEqual([]);
    expect(after.thread).toBeUndefined();
  });

  it("refuses a session id that is not a web one", async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/history?sessionId=tg-123`);
    expect(res.status).toBe(400);
  });
});

describe("the staff side, live", () => {
  type Listener = { events: { caseId: string; type: string }[]; close(): void };

  /** Opens the console's event stream as a browser would (the staff session cookie). */
  async function listen(cookie: string): Promise<Listener> {
    const controller = new AbortController();
    const res = await fetch(`${app.baseUrl}/staff/live`, { headers: { cookie }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events: Listener["events"] = [];
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    void (async () => {
      try {
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) return;
          buffer += decoder.decode(chunk.value, { stream: true });
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (/^event: case$/m.test(block) && data) events.push(JSON.parse(data));
            end = buffer.indexOf("\n\n");
          }
        }
      } catch {
        // aborted
      }
    })();
    return { events, close: () => controller.abort() };
  }

  it("shows a citizen message to two staff viewing the case, without a reload, and marks the queue", async () => {
    await app.accounts.create({ username: "giamsat.t", password: "mat-khau-dai-1", role: "supervisor" });
    const supervisor = await loginStaff(app.baseUrl, "giamsat.t", "mat-khau-dai-1");
    const sessionId = newSession();
    const { code } = await openCase(sessionId);
    expect((await staff.post(`/api/v1/staff/cases/${code}/claim`)).status).toBe(200);

    const holderStream = await listen(staff.cookie);
    const supervisorStream = await listen(supervisor.cookie);
    try {
      expect(
        (await app.ask({ text: "Dạ em gửi thêm: họ hẹn trả mà không trả", sessionId })).body.intent,
      ).toBe("thread-message");
      const heard = (l: Listener) => l.events.some((e) => e.caseId === code && e.type === "citizen-message");
      await vi.waitFor(() => expect(heard(holderStream) && heard(supervisorStream)).toBe(true), {
        timeout: 5000,
      });
      // No citizen text travels on the stream.
      expect(JSON.stringify(holderStream.events)).not.toContain("hẹn trả");

      // The queue marks the case before anyone opens it.
      const queue = await (await staff.get("/staff/cases")).text();
      expect(queue).toMatch(new RegExp(`${code}</a> <span class="badge unread">1 tin mới</span>`));

      // What each page fetches on the event shows the message.
      for (const client of [staff, supervisor]) {
        const page = await (await client.get(`/staff/cases/${code}`)).text();
        expect(page).toContain("Dạ em gửi thêm: họ hẹn trả mà không trả");
        expect(page).toContain('data-live="/staff/live"');
      }
      // Reading it is an event too, so the other page's count clears.
      await vi.waitFor(
        () => expect(holderStream.events.some((e) => e.caseId === code && e.type === "read")).toBe(true),
        {
          timeout: 5000,
        },
      );
    } finally {
      holderStream.close();
      supervisorStream.close();
    }
  });

  it("puts actions before the conversation, lists closed cases, and finds a case by code or commune", async () => {
    const sessionId = newSession();
    const { code } = await openCase(sessionId);
    const before = await (await staff.get(`/staff/cases/${code}`)).text();
    expect(before.indexOf("Nhận hồ sơ này")).toBeLessThan(before.indexOf("Trao đổi với người dân"));
    expect(before).toMatch(/<details class="card transcript-box">\s*<summary>/);
    await staff.post(`/api/v1/staff/cases/${code}/claim`);
    const held = await (await staff.get(`/staff/cases/${code}`)).text();
    expect(held.indexOf('id="outcome"')).toBeLessThan(held.indexOf("Trao đổi với người dân"));
    expect(held).toContain('<option value="">Chèn câu trả lời mẫu…</option>');

    await staff.post(`/api/v1/staff/cases/${code}/close`, { outcome: "answered" });
    const closed = await (await staff.get("/staff/cases?tab=closed")).text();
    expect(closed).toContain(`href="/staff/cases/${code}"`);
    const open = await (await staff.get("/staff/cases")).text();
    expect(open).not.toContain(`href="/staff/cases/${code}"`);

    const byCode = await fetch(`${app.baseUrl}/staff/cases?q=${code.toLowerCase()}`, {
      headers: { cookie: staff.cookie },
      redirect: "manual",
    });
    expect(byCode.status).toBe(303);
    expect(byCode.headers.get("location")).toBe(`/staff/cases/${code}`);
    const byCommune = await (await staff.get(`/staff/cases?q=${encodeURIComponent("vi du")}`)).text();
    expect(byCommune).toContain(`href="/staff/cases/${code}"`);
    const nothing = await (await staff.get(`/staff/cases?q=${encodeURIComponent("xã Không Có")}`)).text();
    expect(nothing).toContain("Không tìm thấy hồ sơ nào");
  });
});
