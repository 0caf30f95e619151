import express, { type Response, Router } from "express";
import {
  CaseNotFoundError,
  type CaseService,
  type LegalAidCase,
  type StaffAccounts,
  type StaffViewer,
} from "../../escalation/index.js";
import { httpError } from "../error-status.js";
import { HttpError } from "../http-error.js";
import { claimLost } from "./claim-lost.js";
import { staffGuards } from "./staff-guards.js";
import { loginFailure, type StaffLogin } from "./staff-login.js";
import { caseIdOf } from "./staff-params.js";
import {
  caseListQuerySchema,
  closeBodySchema,
  loginBodySchema,
  noteBodySchema,
  replyBodySchema,
  transferBodySchema,
} from "./staff-schemas.js";
import { clearSessionCookie, type StaffAuth, setSessionCookie } from "./staff-session.js";

/** What the staff JSON API needs. */
export interface StaffApiDeps {
  readonly service: CaseService;
  readonly accounts: StaffAccounts;
  readonly login: StaffLogin;
  readonly secureCookies: boolean;
  readonly sessionTtlSeconds: number;
}

const auth = (res: Response): StaffAuth => res.locals.staff as StaffAuth;
const viewer = (res: Response): StaffViewer => {
  const { username, role } = auth(res).session;
  return { username, role };
};

/** A case as staff get it: without the citizen's hashed key and raw chat id, which they never need. */
function forStaff(c: LegalAidCase): Omit<LegalAidCase, "citizenKey" | "conversationId"> {
  const { citizenKey: _key, conversationId: _chat, ...rest } = c;
  return rest;
}

/**
 * The staff JSON API, mounted at `/api/v1/staff`: login, logout, me, the case queue and case
 * actions, and the admin-only account list. Every route but login needs the session cookie
 * (401), every POST but login the session's CSRF token in `x-csrf-token` (403). Errors are
 * `{error: {code, message}}` with a Vietnamese message.
 */
export function staffApiRouter(deps: StaffApiDeps): Router {
  const { service } = deps;
  const router = Router();
  // Cases hold phone numbers and citizens' stories: no browser or proxy may keep a copy.
  router.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  router.use(express.json({ limit: "16kb" }));

  router.post("/login", async (req, res) => {
    const body = loginBodySchema.parse(req.body ?? {});
    const result = await deps.login.attempt(req.ip ?? "", body.username, body.password);
    if (!result.ok) throw loginFailure(result);
    setSessionCookie(res, result.token, {
      secure: deps.secureCookies,
      maxAgeSeconds: deps.sessionTtlSeconds,
    });
    const { username, role, csrfToken } = result.session;
    res.json({ username, role, csrfToken });
  });

  router.use(staffGuards(deps.accounts).staff);

  router.post("/logout", async (_req, res) => {
    await deps.accounts.logout(auth(res).token);
    clearSessionCookie(res, deps.secureCookies);
    res.json({ ok: true });
  });

  router.get("/me", (_req, res) => {
    const { username, role, csrfToken } = auth(res).session;
    res.json({ username, role, csrfToken });
  });

  router.get("/cases", async (req, res) => {
    const { tab, q, ...query } = caseListQuerySchema.parse(req.query);
    if (q) return res.json({ cases: await service.search(viewer(res), q) });
    if (tab === "closed") return res.json(await service.listClosed(viewer(res), query));
    res.json(await service.list(viewer(res), query));
  });

  router.get("/cases/:id", async (req, res) => {
    const id = caseIdOf(req);
    const view = await service.view(viewer(res), id);
    if (!view) throw new CaseNotFoundError(id);
    res.json({ ...view, case: forStaff(view.case) });
  });

  router.post("/cases/:id/claim", async (req, res) => {
    const result = await service.claim(viewer(res), caseIdOf(req));
    if (!result.ok) throw claimLost(result);
    res.json({ ok: true, case: forStaff(result.case) });
  });

  router.post("/cases/:id/reply", async (req, res) => {
    const { text } = replyBodySchema.parse(req.body ?? {});
    res.json(await service.reply(viewer(res), caseIdOf(req), text));
  });

  router.post("/cases/:id/note", async (req, res) => {
    const { text } = noteBodySchema.parse(req.body ?? {});
    await service.note(viewer(res), caseIdOf(req), text);
    res.json({ ok: true });
  });

  router.post("/cases/:id/transfer", async (req, res) => {
    const { to } = transferBodySchema.parse(req.body ?? {});
    await service.transfer(viewer(res), caseIdOf(req), to);
    res.json({ ok: true });
  });

  router.post("/cases/:id/close", async (req, res) => {
    const { outcome } = closeBodySchema.parse(req.body ?? {});
    await service.close(viewer(res), caseIdOf(req), outcome);
    res.json({ ok: true });
  });

  router.get("/accounts", async (_req, res) => {
    if (viewer(res).role !== "admin")
      throw new HttpError(403, "forbidden", "Chỉ quản trị viên được xem trang này.");
    const names = await deps.accounts.list();
    const accounts = await Promise.all(names.map((name) => deps.accounts.get(name)));
    res.json({ accounts: accounts.filter((a) => a !== undefined) });
  });

  router.use((_req, _res, next) => next(httpError("not_found")));
  return router;
}
