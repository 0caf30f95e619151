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
