import type { Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminDeps, adminApiRouter, adminPagesRouter } from "../../src/http/admin/index.js";
import { type AdminTestApp, type Client, startAdminApp } from "./support.js";

interface Route {
  readonly method: string;
  readonly path: string;
}

/** Every route a router declares (read from express's own table, so a new route is covered without editing this test). */
function routesOf(router: Router, base = ""): Route[] {
  const stack = (
    router as unknown as {
      stack: { route?: { path: string | string[]; methods: Record<string, boolean> } }[];
    }
  ).stack;
  return stack.flatMap(({ route }) =>
    route
      ? [route.path]
          .flat()
          .flatMap((path) =>
            Object.keys(route.methods).map((method) => ({ method: method.toUpperCase(), path: base + path })),
          )
      : [],
  );
}

const FAQ = "tgpl-ai-duoc-huong";
const fill = (path: string) =>
  path.replace(":id", FAQ).replace(":groupId", "g0123456789").replace(":caseId", "TGPL-2026-000001");

// Only the table is read; no route runs against these deps.
const tableDeps = { org: { name: "" } } as unknown as AdminDeps;
const ROUTES = [
  ...routesOf(adminApiRouter(tableDeps), "/api/v1/admin"),
  ...routesOf(adminPagesRouter(tableDeps)),
];
const unique = [...new Map(ROUTES.map((r) => [`${r.method} ${fill(r.path)}`, r])).values()];

let t: AdminTestApp;
let clients: Record<string, Client>;

beforeAll(async () => {
  t = await startAdminApp();
  clients = {
    staff: await t.login("cb.chi"),
    supervisor: await t.login("gs.dung"),
    admin: await t.login("qt.an"),
  };
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("who may use the admin console", () => {
  it("declares the whole console in its route table (list, editor, workflow, history, inbox, currency, API)", () => {
    const keys = unique.map((r) => `${r.method} ${r.path}`);
    expect(unique.length).toBeGreaterThanOrEqual(35);
    for (const expected of [
      "GET /admin/faqs",
      "POST /admin/faqs/:id/approve",
      "POST /admin/inbox/:groupId/variant",
      "POST /admin/currency/amended",
      "PUT /api/v1/admin/faqs/:id",
      "POST /api/v1/admin/faqs/:id/approve",
      "GET /api/v1/admin/drafts/from-case/:caseId",
    ])
      expect(keys).toContain(expected);
  });

  for (const role of ["staff", "supervisor"] as const) {
    it(`answers 403 to a ${role} on every admin route, even with a valid CSRF token`, async () => {
      const client = clients[role] as Client;
      const failures: string[] = [];
      for (const route of unique) {
        const res = await t.request(route.method, fill(route.path), {
          client,
          headers: { "x-csrf-token": client.csrf },
          json:
            route.method === "GET"
              ? undefined
              : { _csrf: client.csrf, faqId: FAQ, seq: 0, document: "52/2014/QH13" },
        });
        const api = route.path.startsWith("/api/");
        const refused =
          res.status === 403 &&
          (api ? res.body?.error?.code === "forbidden" : res.text.includes("Không được phép"));
        if (!refused) failures.push(`${route.method} ${route.path} → ${res.status}`);
      }
      expect(failures).toEqual([]);
    }, 60_000);
  }

  it("sends an anonymous page view to the login form with the page to come back to, and answers 401 otherwise", async () => {
    const failures: string[] = [];
    for (const route of unique) {
      const path = fill(route.path);
      const res = await t.request(route.method, path, { json: route.method === "GET" ? undefined : {} });
      const ok =
        route.method === "GET" && !route.path.startsWith("/api/")
          ? res.status === 303 &&
            res.headers.get("location") === `/staff/login?next=${encodeURIComponent(path)}`
          : res.status === 401;
      if (!ok)
        failures.push(`${route.method} ${route.path} → ${res.status} ${res.headers.get("location") ?? ""}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it("refuses an admin's state change without the session's CSRF token", async () => {
    const admin = clients.admin as Client;
    const api = await t.request("POST", `/api/v1/admin/faqs/${FAQ}/submit`, { client: admin, json: {} });
    expect(api.status).toBe(403);
    expect(api.body.error.code).toBe("csrf");
    const page = await t.request("POST", "/admin/currency/amended", {
      client: admin,
      form: { document: "52/2014/QH13", _csrf: "x".repeat(admin.csrf.length) },
    });
    expect(page.status).toBe(403);
    expect(page.text).toContain("Phiên làm việc không hợp lệ");
  });

  it("lets an admin in: the list with counts, and a link to it in the staff console's menu", async () => {
    const admin = clients.admin as Client;
    const list = await t.request("GET", "/admin/faqs", { client: admin });
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/Tổng: <strong>\d+<\/strong>/);
    expect(list.text).toContain(`href="/admin/faqs/${FAQ}"`);
    const staffPage = await t.request("GET", "/staff/cases", { client: admin });
    expect(staffPage.text).toContain('href="/admin"');
    const staffView = await t.request("GET", "/staff/cases", { client: clients.staff });
    expect(staffView.text).not.toContain('href="/admin"');
  });
});
