import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/in-process-app.js";
import { loginStaff } from "../support/staff-client.js";

const TOKEN = "metrics-token-for-tests-0123456789";
let app: TestApp;

beforeAll(async () => {
  // This test's requests come from 127.0.0.1: allow only another range, so the token is the way in.
  app = await startTestApp({ METRICS_ALLOW: "10.0.0.0/8", METRICS_TOKEN: TOKEN }, { index: true });
  await app.accounts.create({ username: "canbo.thuong", password: "mat-khau-dai-5", role: "staff" });
  await app.accounts.create({ username: "quan.tri", password: "mat-khau-dai-6", role: "admin" });
  await app.accounts.create({ username: "truong.nhom", password: "mat-khau-dai-7", role: "supervisor" });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const REPORT = "/api/v1/admin/reports?from=2026-01-01&to=2026-06-30";

describe("reports, dashboard data and call log in the app", () => {
  it("refuses reports without a session (401) and to staff (403), and serves them to supervisors and admins", async () => {
    expect((await fetch(`${app.baseUrl}${REPORT}&format=json`)).status).toBe(401);
    const staff = await loginStaff(app.baseUrl, "canbo.thuong", "mat-khau-dai-5");
    const asStaff = await fetch(`${app.baseUrl}${REPORT}&format=csv`, { headers: { cookie: staff.cookie } });
    expect(asStaff.status).toBe(403);
    const admin = await loginStaff(app.baseUrl, "quan.tri", "mat-khau-dai-6");
    const csv = await fetch(`${app.baseUrl}${REPORT}&format=csv`, { headers: { cookie: admin.cookie } });
    expect(csv.status).toBe(200);
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const xlsx = await fetch(`${app.baseUrl}${REPORT}&format=xlsx`, { headers: { cookie: admin.cookie } });
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const supervisor = await loginStaff(app.baseUrl, "truong.nhom", "mat-khau-dai-7");
    const asSupervisor = await fetch(`${app.baseUrl}${REPORT}&format=json`, {
      headers: { cookie: supervisor.cookie },
    });
    expect(asSupervisor.status).toBe(200);
  });

  it("shows the report page to supervisors and admins only, with the period's downloads", async () => {
    const staff = await loginStaff(app.baseUrl, "canbo.thuong", "mat-khau-dai-5");
    const page = (cookie?: string, query = "") =>
      fetch(`${app.baseUrl}/staff/reports${query}`, {
        headers: cookie ? { cookie } : {},
        redirect: "manual",
      });
    const anonymous = await page();
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/staff/login?next=%2Fstaff%2Freports");
    expect((await page(staff.cookie)).status).toBe(403);
    const supervisor = await loginStaff(app.baseUrl, "truong.nhom", "mat-khau-dai-7");
    const shown = await page(supervisor.cookie, "?from=2026-01-01&to=2026-06-30");
    expect(shown.status).toBe(200);
    expect(shown.headers.get("cache-control")).toBe("no-store");
    const body = await shown.text();
    expect(body).toContain('href="/api/v1/admin/reports?from=2026-01-01&amp;to=2026-06-30&amp;format=xlsx"');
    expect(body).toContain("từ ngày 01/01/2026 đến ngày 30/06/2026");
    expect(body).toContain('<a href="/staff/reports">Báo cáo</a>');
    const wrong = await page(supervisor.cookie, "?from=2026-06-30&to=2026-01-01");
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.");
  });

  it("lets staff log a call only with the session's CSRF token", async () => {
    const staff = await loginStaff(app.baseUrl, "canbo.thuong", "mat-khau-dai-5");
    const call = {
      time: new Date().toISOString(),
      durationSeconds: 120,
      topic: "dat-dai",
      callerGroup: "elderly",
      outcome: "answered",
    };
    const post = (headers: Record<string, string>) =>
      fetch(`${app.baseUrl}/api/v1/staff/calls`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: staff.cookie, ...headers },
        body: JSON.stringify(call),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ "x-csrf-token": "forged" })).status).toBe(403);
    expect((await post({ "x-csrf-token": staff.csrf })).status).toBe(201);
    const anonymous = await fetch(`${app.baseUrl}/api/v1/staff/dashboard?from=2026-01-01&to=2026-01-31`);
    expect(anonymous.status).toBe(401);
  });

  it("serves /metrics only to allowed addresses or with the token, with no ids or message text", async () => {
    const secret = "số nhà 12 ngõ 3, gọi 0912345678";
    await app.ask({ text: secret, sessionId: "metrics-session-xyz" });
    expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(403);
    expect(
      (await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: "Bearer wrong-token-xxxxxxxx" } }))
        .status,
    ).toBe(401);
    const res = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("faq_search_duration_seconds");
    expect(text).toContain("http_request_duration_seconds");
    expect(text).not.toContain("metrics-session-xyz");
    expect(text).not.toContain("0912345678");
    expect(text).not.toContain("ngõ");
  });
});
