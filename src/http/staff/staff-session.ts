import { timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import type { StaffAccounts, StaffSession } from "../../escalation/index.js";

/** The session cookie's name; its value is the random token, Redis keeps only its hash. */
export const STAFF_COOKIE = "tlpl_staff";

/** A logged-in request's session and raw token (for logout). */
export interface StaffAuth {
  readonly session: StaffSession;
  readonly token: string;
}

/** Reads one cookie from the Cookie header (no cookie-parser: one cookie is all the console needs). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The request's staff session, or undefined when there is none or it expired. */
export async function loadStaffAuth(req: Request, accounts: StaffAccounts): Promise<StaffAuth | undefined> {
  const token = readCookie(req, STAFF_COOKIE);
  if (!token || token.length > 128) return undefined;
  const session = await accounts.session(token);
  return session ? { session, token } : undefined;
}

/** Sets the session cookie: httpOnly, SameSite=Strict, Path=/, Max-Age, Secure behind HTTPS. */
export function setSessionCookie(
  res: Response,
  token: string,
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  res.cookie(STAFF_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: options.secure,
    path: "/",
    maxAge: options.maxAgeSeconds * 1000,
  });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(STAFF_COOKIE, { httpOnly: true, sameSite: "strict", secure, path: "/" });
}

/** Whether the request carries the session's CSRF token (header `x-csrf-token` or form field `_csrf`). */
export function hasCsrfToken(req: Request, session: StaffSession): boolean {
  const header = req.get("x-csrf-token");
  const field = (req.body as Record<string, unknown> | undefined)?._csrf;
  const sent = header ?? (typeof field === "string" ? field : "");
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
