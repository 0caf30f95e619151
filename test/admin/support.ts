import type { StaffRole } from "../../src/escalation/index.js";
import { tempContent } from "../curation/temp-content.js";
import { readAnswer } from "../support/http-answer.js";
import { startTestApp, type TestApp } from "../support/in-process-app.js";

export const PASSWORD = "mat-khau-dai-du-2026";

/** A logged-in client's cookie header and CSRF token. */
export interface Client {
  readonly cookie: string;
  readonly csrf: string;
}

export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body whose shape the assertions check
  readonly body: any;
  readonly text: string;
  readonly headers: Headers;
}

/** The whole app over a temp copy of content/ (CONTENT_DIR), its own index and key prefix, with four accounts. */
export interface AdminTestApp {
  readonly app: TestApp;
  readonly contentDir: string;
  login(username: string): Promise<Client>;
  request(
    method: string,
    path: string,
    options?: {
      client?: Client;
      json?: unknown;
      form?: Record<string, string | string[]>;
      multipart?: Record<string, string | string[]>;
      headers?: Record<string, string>;
    },
  ): Promise<Answer>;
  close(): Promise<void>;
}

export const USERS: Readonly<Record<string, StaffRole>> = {
  "qt.an": "admin",
  "qt.binh": "admin",
  "cb.chi": "staff",
  "gs.dung": "supervisor",
};

export async function startAdminApp(env: Record<string, string> = {}): Promise<AdminTestApp> {
  const content = await tempContent();
  const app = await startTestApp({ CONTENT_DIR: content.dir, STAFF_LOGIN_PER_MINUTE: "1000", ...env });
  for (const [username, role] of Object.entries(USERS))
    await app.accounts.create({ username, password: PASSWORD, role });

  async function request(
    method: string,
    path: string,
    options: Parameters<AdminTestApp["request"]>[2] = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.client) headers.cookie = options.client.cookie;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(options.form)) for (const x of [v].flat()) params.append(k, x);
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = params.toString();
    } else if (options.multipart) {
      const data = new FormData();
      for (const [k, v] of Object.entries(options.multipart)) for (const x of [v].flat()) data.append(k, x);
      body = data;
    }
    const res = await fetch(`${app.baseUrl}${path}`, { method, headers, body, redirect: "manual" });
    return readAnswer(res);
  }

  return {
    app,
    contentDir: content.dir,
    request,
    async login(username) {
      const res = await request("POST", "/api/v1/staff/login", { json: { username, password: PASSWORD } });
      if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${res.text}`);
      const cookie = (res.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
      return { cookie, csrf: res.body.csrfToken };
    },
    async close() {
      await app.close();
      await content.release();
    },
  };
}

/** Polls `check` every `intervalMs` until it is true; fails after `timeoutMs` naming `what`. */
export async function poll(check: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 100) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
