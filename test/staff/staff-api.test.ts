import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PASSWORD, type StaffTestApp, startStaffApp } from "./support.js";

let app: StaffTestApp;

beforeEach(async () => {
  app = await startStaffApp();
  await app.addUser("lan");
  await app.addUser("minh");
  await app.addUser("hoa", "supervisor");
  await app.addUser("quantri", "admin");
});
afterEach(async () => {
  await app.close();
});

const ACTIONS = ["claim", "reply", "note", "transfer", "close"] as const;
const BODIES: Record<(typeof ACTIONS)[number], unknown> = {
  claim: {},
  reply: { text: "Dạ, chào bạn." },
  note: { text: "ghi chú" },
  transfer: { to: "minh" },
  close: { outcome: "answered" },
};

describe("staff API: sessions and roles", () => {
  it("answers 401 on every staff route without a session or with an unknown cookie", async () => {
    const id = await app.openCase();
    const routes: [string, string][] = [
      ["GET", "/api/v1/staff/me"],
      ["GET", "/api/v1/staff/cases"],
      ["GET", `/api/v1/staff/cases/${id}`],
      ["GET", "/api/v1/staff/accounts"],
      ["POST", "/api/v1/staff/logout"],
      ...ACTIONS.map((a): [string, string] => ["POST", `/api/v1/staff/cases/${id}/${a}`]),
    ];
    for (const [method, path] of routes) {
      const none = await app.request(method, path, method === "POST" ? { json: {} } : {});
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(none.body.error.code).toBe("unauthorized");
      const forged = await app.request(method, path, { client: { cookie: "tlpl_staff=forged", csrf: "x" } });
      expect(forged.status, `${method} ${path} with a forged cookie`).toBe(401);
    }
    expect((await app.store.get(id))?.status).toBe("open");
  });

  it("sets an httpOnly SameSite=Strict session cookie on login and ends it on logout", async () => {
    const res = await app.request("POST", "/api/v1/staff/login", {
      json: { username: "LAN", password: PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ username: "lan", role: "staff", csrfToken: expect.any(String) });
    const cookie = res.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^tlpl_staff=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);
    const client = { cookie: cookie.split(";")[0] ?? "", csrf: res.body.csrfToken };
    expect((await app.request("GET", "/api/v1/staff/me", { client })).body).toEqual(res.body);
    expect(
      (
        await app.request("POST", "/api/v1/staff/logout", {
          client,
          headers: { "x-csrf-token": client.csrf },
        })
      ).status,
    ).toBe(200);
    expect((await app.request("GET", "/api/v1/staff/me", { client })).status).toBe(401);
  });

  it("marks the cookie Secure when the public URL is https", async () => {
    const secure = await startStaffApp({ PUBLIC_BASE_URL: "https://tgpl.example.vn" });
    try {
      await secure.addUser("lan");
      const res = await secure.request("POST", "/api/v1/staff/login", {
        json: { username: "lan", password: PASSWORD },
      });
      expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });

  it("gives one generic 401 for a wrong password or an unknown user", async () => {
    const wrong = await app.request("POST", "/api/v1/staff/login", {
      json: { username: "lan", password: "sai-mat-khau-roi" },
    });
    const unknown = await app.request("POST", "/api/v1/staff/login", {
      json: { username: "ai-do", password: PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it("locks an account after 10 wrong passwords and then refuses the right one too (423)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await app.request("POST", "/api/v1/staff/login", {
        json: { username: "lan", password: `sai-${i}-mat-khau` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 423]);
    const right = await app.request("POST", "/api/v1/staff/login", {
      json: { username: "lan", password: PASSWORD },
    });
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/tạm bị khóa/);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(right.headers.getSetCookie()).toEqual([]);
    // Another account is not affected.
    expect(
      (await app.request("POST", "/api/v1/staff/login", { json: { username: "minh", password: PASSWORD } }))
        .status,
    ).toBe(200);
  });

  it("limits login attempts per IP and answers 429 with Retry-After", async () => {
    const limited = await startStaffApp({ STAFF_LOGIN_PER_MINUTE: "3" });
    try {
      await limited.addUser("lan");
      const statuses: number[] = [];
      let last: Awaited<ReturnType<StaffTestApp["request"]>> | undefined;
      for (let i = 0; i < 4; i += 1) {
        last = await limited.request("POST", "/api/v1/staff/login", {
          json: { username: "lan", password: PASSWORD },
        });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it("shows the account list to an admin only (403 for staff and supervisors)", async () => {
    for (const user of ["lan", "hoa"]) {
      const res = await app.request("GET", "/api/v1/staff/accounts", { client: await app.login(user) });
      expect(res.status, user).toBe(403);
    }
    const admin = await app.request("GET", "/api/v1/staff/accounts", { client: await app.login("quantri") });
    expect(admin.status).toBe(200);
    expect(admin.body.accounts.map((a: { username: string }) => a.username)).toEqual([
      "hoa",
      "lan",
      "minh",
      "quantri",
    ]);
    expect(admin.text).not.toMatch(/scrypt|passwordHash/);
  });
});

describe("staff API: CSRF", () => {
  it("refuses every POST without the session's CSRF token, or with a forged one, and changes nothing", async () => {
    const id = await app.openCase();
    const client = await app.login("hoa");
    const paths = ["/api/v1/staff/logout", ...ACTIONS.map((a) => `/api/v1/staff/cases/${id}/${a}`)];
    for (const path of paths) {
      const action = path.split("/").at(-1) as (typeof ACTIONS)[number];
      const missing = await app.request("POST", path, { client, json: BODIES[action] ?? {} });
      const forged = await app.request("POST", path, {
        client,
        json: BODIES[action] ?? {},
        headers: { "x-csrf-token": `${client.csrf.slice(0, -2)}xx` },
      });
      const otherSession = await app.login("lan");
      const borrowed = await app.request("POST", path, {
        client,
        json: BODIES[action] ?? {},
        headers: { "x-csrf-token": otherSession.csrf },
      });
      for (const res of [missing, forged, borrowed]) {
        expect(res.status, path).toBe(403);
        expect(res.body.error.code).toBe("csrf");
      }
    }
    const c = await app.store.get(id);
    expect(c).toMatchObject({ status: "open", notes: [] });
    expect(app.messenger.sent).toEqual([]);
    expect((await app.request("GET", "/api/v1/staff/me", { client })).status).toBe(200);
  });
});

describe("staff API: cases", () => {
  it("lets exactly one of 20 parallel claims through the API win; the others get 409 naming the holder", async () => {
    const id = await app.openCase();
    const names = Array.from({ length: 20 }, (_, i) => `canbo${i}`);
    for (const name of names) await app.addUser(name);
    const clients = await Promise.all(names.map((n) => app.login(n)));
    const results = await Promise.all(
      clients.map((client) =>
        app.request("POST", `/api/v1/staff/cases/${id}/claim`, {
          client,
          json: {},
          headers: { "x-csrf-token": client.csrf },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const lost = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(lost).toHaveLength(19);
    const winner = ok[0]?.body.case.claimedBy;
    expect(names).toContain(winner);
    for (const r of lost) {
      expect(r.body.error).toEqual({
        code: "already_claimed",
        message: `Hồ sơ đã được cán bộ ${winner} nhận trước.`,
      });
    }
    expect((await app.store.audit(id)).filter((e) => e.action === "claimed")).toEqual([
      expect.objectContaining({ by: winner }),
    ]);
  });

  it("hides a case held by another staff member (404) but not from a supervisor", async () => {
    const id = await app.openCase();
    const minh = await app.login("minh");
    await app.request("POST", `/api/v1/staff/cases/${id}/claim`, {
      client: minh,
      json: {},
      headers: { "x-csrf-token": minh.csrf },
    });
    const lan = await app.login("lan");
    const seen = await app.request("GET", `/api/v1/staff/cases/${id}`, { client: lan });
    expect(seen.status).toBe(404);
    expect(seen.body.error.code).toBe("case_not_found");
    expect(seen.text).not.toContain("lấn sang đất");
    const reply = await app.request("POST", `/api/v1/staff/cases/${id}/reply`, {
      client: lan,
      json: { text: "x" },
      headers: { "x-csrf-token": lan.csrf },
    });
    expect(reply.status).toBe(404);
    const list = await app.request("GET", "/api/v1/staff/cases", { client: lan });
    expect(list.body.cases).toEqual([]);
    expect(list.body.counts.total).toBe(0);
    const hoa = await app.login("hoa");
    const held = await app.request("GET", `/api/v1/staff/cases/${id}`, { client: hoa });
    expect(held.body.case.claimedBy).toBe("minh");
    // The case holds a phone number: no browser or proxy keeps a copy, nor of the queue.
    expect(held.headers.get("cache-control")).toBe("no-store");
    expect(list.headers.get("cache-control")).toBe("no-store");
    expect((await app.request("GET", "/api/v1/staff/cases/TGPL-2026-999999", { client: hoa })).status).toBe(
      404,
    );
    expect((await app.request("GET", "/api/v1/staff/cases/not-a-case", { client: hoa })).status).toBe(404);
  });

  it("needs a claim before a reply (403), validates the body (400) and filters the queue", async () => {
    const id = await app.openCase();
    await app.openCase({ channel: "zalo", sessionId: "zl-77", topic: "hon-nhan-gia-dinh" });
    const lan = await app.login("lan");
    const post = (path: string, json: unknown) =>
      app.request("POST", path, { client: lan, json, headers: { "x-csrf-token": lan.csrf } });
    expect((await post(`/api/v1/staff/cases/${id}/reply`, { text: "x" })).status).toBe(403);
    await post(`/api/v1/staff/cases/${id}/claim`, {});
    const empty = await post(`/api/v1/staff/cases/${id}/reply`, { text: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe("Bạn nhập nội dung trả lời.");
    expect((await post(`/api/v1/staff/cases/${id}/close`, { outcome: "won" })).status).toBe(400);
    expect((await post(`/api/v1/staff/cases/${id}/transfer`, { to: "nobody" })).status).toBe(400);
    const zalo = await app.request("GET", "/api/v1/staff/cases?channel=zalo", { client: lan });
    expect(zalo.body.cases.map((c: { channel: string }) => c.channel)).toEqual(["zalo"]);
    expect(zalo.body.matching).toBe(1);
    expect(
      (await app.request("GET", "/api/v1/staff/cases?status=claimed", { client: lan })).body.matching,
    ).toBe(1);
    expect(
      (await app.request("GET", "/api/v1/staff/cases?overdue=true", { client: lan })).body.matching,
    ).toBe(0);
    expect((await app.request("GET", "/api/v1/staff/cases?status=bogus", { client: lan })).status).toBe(400);
  });

  it("claims, replies through the messenger with a key, closes with an outcome and asks for a rating", async () => {
    const id = await app.openCase({ sessionId: "tg-555" });
    await app.sessions.set("tg-555", { failedAttempts: 0, language: "vi" });
    const lan = await app.login("lan");
    const post = (action: string, json: unknown) =>
      app.request("POST", `/api/v1/staff/cases/${id}/${action}`, {
        client: lan,
        json,
        headers: { "x-csrf-token": lan.csrf },
      });
    expect((await post("claim", {})).status).toBe(200);
    const reply = await post("reply", { text: "Dạ, bạn mang sổ đỏ đến UBND cấp xã nhé." });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      key: expect.stringMatching(/^case-TGPL-\d{4}-\d{6}-reply-/),
      state: "queued",
    });
    expect(app.messenger.sent).toEqual([
      {
        channel: "telegram",
        conversationId: "tg-555",
        text: `Cán bộ trợ giúp pháp lý trả lời hồ sơ ${id}:\nDạ, bạn mang sổ đỏ đến UBND cấp xã nhé.`,
        key: reply.body.key,
      },
    ]);
    expect((await post("note", { text: "Hẹn gọi lại thứ Hai." })).status).toBe(200);
    app.messenger.states.set(reply.body.key, "sent");
    const view = await app.request("GET", `/api/v1/staff/cases/${id}`, { client: lan });
    expect(view.body.case.status).toBe("answered");
    expect(view.body.case).not.toHaveProperty("conversationId");
    expect(view.body.case).not.toHaveProperty("citizenKey");
    expect(view.body.deliveries).toEqual({ [reply.body.key]: "sent" });
    expect(app.messenger.sent).toHaveLength(1);

    expect((await post("close", { outcome: "referred-to-legal-aid-procedure" })).status).toBe(200);
    expect(app.messenger.sent[1]).toMatchObject({ conversationId: "tg-555", key: `case-${id}-rating` });
    expect(app.messenger.sent[1]?.text).toContain("chấm điểm mức hài lòng từ 1 đến 5");
    expect(await app.sessions.get("tg-555")).toEqual({
      failedAttempts: 0,
      language: "vi",
      pendingRating: id,
    });
    expect((await post("reply", { text: "thêm" })).status).toBe(409);

    const after = await app.request("GET", `/api/v1/staff/cases/${id}`, { client: lan });
    expect(after.body.case).toMatchObject({ status: "closed", outcome: "referred-to-legal-aid-procedure" });
    expect(after.body.audit.map((e: { by: string; action: string }) => `${e.by}:${e.action}`)).toEqual([
      "citizen:created",
      "lan:claimed",
      "lan:replied",
      "lan:noted",
      "lan:closed",
    ]);
    expect(app.events.events.map((e) => e.type)).toEqual(["created", "claimed", "first-reply", "closed"]);
  });

  it("transfers a case to a colleague, who then holds it", async () => {
    const id = await app.openCase();
    const lan = await app.login("lan");
    const minh = await app.login("minh");
    const post = (client: typeof lan, action: string, json: unknown) =>
      app.request("POST", `/api/v1/staff/cases/${id}/${action}`, {
        client,
        json,
        headers: { "x-csrf-token": client.csrf },
      });
    await post(lan, "claim", {});
    expect((await post(minh, "transfer", { to: "minh" })).status).toBe(404);
    expect((await post(lan, "transfer", { to: "minh" })).status).toBe(200);
    expect((await app.request("GET", `/api/v1/staff/cases/${id}`, { client: lan })).status).toBe(404);
    expect((await post(minh, "reply", { text: "Dạ, mình tiếp nhận hồ sơ." })).status).toBe(200);
  });
});
