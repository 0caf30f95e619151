import { expect } from "vitest";

/** A staff member logged in through `POST /api/v1/staff/login`: their cookie, CSRF token and helpers. */
export interface StaffClient {
  readonly cookie: string;
  readonly csrf: string;
  get(path: string): Promise<Response>;
  /** A JSON POST with the session's CSRF token. */
  post(path: string, payload?: unknown): Promise<Response>;
}

/** Logs in (expects 200); `get`/`post` paths are relative to `baseUrl`. */
export async function loginStaff(baseUrl: string, username: string, password: string): Promise<StaffClient> {
  const res = await fetch(`${baseUrl}/api/v1/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return {
    cookie,
    csrf: csrfToken,
    get: (path) => fetch(`${baseUrl}${path}`, { headers: { cookie } }),
    post: (path, payload = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
        body: JSON.stringify(payload),
      }),
  };
}

/** A FAQ as the admin API returns it, with the fields these tests read. */
export interface LoadedFaq {
  readonly version: string;
  readonly faq: { readonly question: string; readonly answer: string };
}

/**
 * Adds `line` as a paragraph to a FAQ's answer through the admin API (a PUT on the version it
 * loaded) and submits the change for review, expecting both to succeed; returns the FAQ as loaded.
 */
export async function editAnswerAndSubmit(
  baseUrl: string,
  editor: StaffClient,
  id: string,
  line: string,
): Promise<LoadedFaq> {
  const loaded = (await (await editor.get(`/api/v1/admin/faqs/${id}`)).json()) as LoadedFaq;
  const saved = await fetch(`${baseUrl}/api/v1/admin/faqs/${id}`, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      cookie: editor.cookie,
      "x-csrf-token": editor.csrf,
      "if-match": `"${loaded.version}"`,
    },
    body: JSON.stringify({ ...loaded.faq, answer: `${loaded.faq.answer}\n\n${line}` }),
  });
  expect(saved.status, await saved.text()).toBe(200);
  expect((await editor.post(`/api/v1/admin/faqs/${id}/submit`)).status).toBe(200);
  return loaded;
}
