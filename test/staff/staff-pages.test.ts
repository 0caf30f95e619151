import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PASSWORD, type StaffClient, type StaffTestApp, startStaffApp } from "./support.js";

let app: StaffTestApp;

beforeEach(async () => {
  app = await startStaffApp();
  await app.addUser("lan");
  await app.addUser("minh");
  await app.addUser("quantri", "admin");
});
afterEach(async () => {
  await app.close();
});

const form = (client: StaffClient, path: string, fields: Record<string, string> = {}) =>
  app.request("POST", path, { client, form: { _csrf: client.csrf, ...fields } });

describe("staff console pages", () => {
  it("sends a visitor without a session to the login page, which is Vietnamese and labelled", async () => {
    const root = await app.request("GET", "/staff/cases");
    expect(root.status).toBe(303);
    expect(root.headers.get("location")).toBe("/staff/login");
    const login = await app.request("GET", "/staff/login");
    expect(login.status).toBe(200);
    expect(login.text).toContain('<html lang="vi">');
    expect(login.text).toContain('<label for="username">Tên đăng nhập</label>');
    expect(login.text).toContain('<label for="password">Mật khẩu</label>');
    expect(login.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("returns to the page that asked for the login, but only to a page of this site's consoles", async () => {
    const form = await app.request("GET", "/staff/login?next=%2Fadmin%2Ffaqs%3Fq%3D%22x%22");
    expect(form.text).toContain('name="next" value="/admin/faqs?q=&quot;x&quot;"');
    for (const [next, location] of [
      ["/admin/faqs", "/admin/faqs"],
      ["https://evil.example/staff", "/staff/cases"],
      ["//evil.example/admin", "/staff/cases"],
      ["/api/v1/staff/cases", "/staff/cases"],
    ] as const) {
      const ok = await app.request("POST", "/staff/login", {
        form: { username: "lan", password: PASSWORD, next },
      });
      expect(ok.status).toBe(303);
      expect(ok.headers.get("location")).toBe(location);
    }
  });

  it("logs in through the form and shows one generic message for a wrong password", async () => {
    const wrong = await app.request("POST", "/staff/login", {
      form: { username: "lan", password: "khong-dung-dau" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    const ok = await app.request("POST", "/staff/login", { form: { username: "lan", password: PASSWORD } });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/staff/cases");
    const cookie = (ok.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const queue = await app.request("GET", "/staff/cases", { client: { cookie, csrf: "" } });
    expect(queue.status).toBe(200);
    expect(queue.text).toContain("Hàng chờ hồ sơ");
  });

  it("renders citizen and staff text escaped, never as HTML", async () => {
    const id = await app.openCase({
      description: `<script>alert("x")</script>'; DROP TABLE cases;--`,
      commune: "<b>Xã</b>",
      transcript: [{ role: "citizen", text: "<img src=x onerror=alert(1)>", at: "2026-11-26T01:00:00.000Z" }],
      shownFaqIds: ['"><script>1</script>'],
    });
    const lan = await app.login("lan");
    await form(lan, `/staff/cases/${id}/claim`);
    await form(lan, `/staff/cases/${id}/note`, { text: "<a href=javascript:alert(1)>bấm</a> OR 1=1; --" });
    const page = await app.request("GET", `/staff/cases/${id}`, { client: lan });
    expect(page.status).toBe(200);
    // The console's own script is the only one on the page.
    expect(page.text.replace('<script type="module" src="/staff/static/staff.js"></script>', "")).not.toMatch(
      /<script|<img|<b>Xã|<a href=javascript/,
    );
    expect(page.text).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;; DROP TABLE cases;--",
    );
    expect(page.text).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page.text).toContain("&lt;a href=javascript:alert(1)&gt;bấm&lt;/a&gt; OR 1=1; --");
    const queue = await app.request("GET", "/staff/cases", { client: lan });
    expect(queue.text).toContain("&lt;b&gt;Xã&lt;/b&gt;");
  });

  it("shows the queue earliest deadline first with counts and overdue cases highlighted", async () => {
    const base = {
      channel: "telegram" as const,
      citizenKey: "k",
      contactPreference: "chat" as const,
      commune: "Xã Tân Lợi",
      topic: "dat-dai",
      description: "chuyện đất",
      eligibility: { result: "unclear" as const, answers: {} },
    };
    const later = await app.store.create({
      ...base,
      firstResponseDueAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    const late = await app.store.create({
      ...base,
      firstResponseDueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const lan = await app.login("lan");
    const page = await app.request("GET", "/staff/cases", { client: lan });
    expect(page.text.indexOf(late.id)).toBeLessThan(page.text.indexOf(later.id));
    expect(page.text).toMatch(
      new RegExp(`<tr class="overdue"[^>]*>\\s*<td data-label="Mã hồ sơ"><a href="/staff/cases/${late.id}">`),
    );
    expect(page.text).toMatch(/Quá hạn: <strong>1<\/strong>/);
    const filtered = await app.request("GET", "/staff/cases?overdue=false&status=", { client: lan });
    expect(filtered.text).toContain(later.id);
    expect(filtered.text).not.toContain(late.id);
  });

  it("claims, replies and closes through forms with the CSRF field; a form without it is refused", async () => {
    const id = await app.openCase({ sessionId: "tg-31" });
    const lan = await app.login("lan");
    const refused = await app.request("POST", `/staff/cases/${id}/claim`, { client: lan, form: {} });
    expect(refused.status).toBe(403);
    expect((await app.store.get(id))?.status).toBe("open");
    const claimed = await form(lan, `/staff/cases/${id}/claim`);
    expect(claimed.status).toBe(303);
    expect(claimed.headers.get("location")).toBe(`/staff/cases/${id}?ok=claimed#reply-form`);
    await form(lan, `/staff/cases/${id}/reply`, { text: "Dạ, bạn đến UBND cấp xã nhé." });
    const page = await app.request("GET", `/staff/cases/${id}?ok=replied`, { client: lan });
    expect(page.text).toContain("Đã ghi nhận câu trả lời");
    expect(page.text).toContain("Đang chờ gửi");
    expect(page.text).toContain('<select id="outcome" name="outcome" required>');
    await form(lan, `/staff/cases/${id}/close`, { outcome: "answered" });
    expect((await app.store.get(id))?.status).toBe("closed");
    expect(app.messenger.sent.map((m) => m.key)).toEqual([
      expect.stringContaining("-reply-"),
      `case-${id}-rating`,
    ]);
    const minh = await app.login("minh");
    const hidden = await app.request("GET", `/staff/cases/${id}`, { client: minh });
    expect(hidden.status).toBe(404);
    expect(hidden.text).not.toContain("UBND cấp xã");
  });

  it("tells staff to call when the Zalo reply window has closed", async () => {
    const id = await app.openCase({
      channel: "zalo",
      sessionId: "zl-9",
      contactPreference: "phone",
      phone: "0912 345 678",
    });
    app.messenger.closedWindows.add("zl-9");
    const lan = await app.login("lan");
    await form(lan, `/staff/cases/${id}/claim`);
    const res = await form(lan, `/staff/cases/${id}/reply`, { text: "Dạ, mình gọi bạn nhé." });
    expect(res.headers.get("location")).toBe(`/staff/cases/${id}?ok=replied-outside-window#reply-form`);
    const page = await app.request("GET", `/staff/cases/${id}`, { client: lan });
    expect(page.text).toContain("Đã quá thời hạn nhắn lại qua Zalo, vui lòng gọi điện (0912345678)");
    expect(page.text).toContain('<a href="tel:0912345678">0912345678</a>');
    expect(page.text).toContain("Chưa gửi: quá thời hạn nhắn Zalo");
  });

  it("shows the admin page to an admin only", async () => {
    const staff = await app.request("GET", "/staff/admin", { client: await app.login("lan") });
    expect(staff.status).toBe(403);
    expect(staff.text).toContain("Chỉ quản trị viên được xem trang này.");
    const admin = await app.request("GET", "/staff/admin", { client: await app.login("quantri") });
    expect(admin.status).toBe(200);
    expect(admin.text).toContain("Tài khoản cán bộ");
    expect(admin.text).toContain("quantri");
  });

  it("serves its stylesheet from the app and logs out through the form", async () => {
    const css = await app.request("GET", "/staff/static/staff.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/text\/css/);
    const lan = await app.login("lan");
    const out = await form(lan, "/staff/logout");
    expect(out.status).toBe(303);
    expect((await app.request("GET", "/api/v1/staff/me", { client: lan })).status).toBe(401);
  });
});
