import express, { type Response, Router } from "express";
import {
  CaseNotFoundError,
  type CaseService,
  type StaffAccount,
  type StaffAccounts,
  type StaffViewer,
} from "../../escalation/index.js";
import type { Logger } from "../../logging/index.js";
import { pageErrorHandler, renderMessagePage, sendPage } from "../console/index.js";
import { httpError } from "../error-status.js";
import { HttpError } from "../http-error.js";
import { unavailable } from "../service-unavailable.js";
import type { CannedReplyOrg } from "./canned-replies.js";
import { claimLost } from "./claim-lost.js";
import { renderAdmin } from "./render-admin.js";
import { CASE_NOTICES, type CaseNotice, renderCase } from "./render-case.js";
import { renderLogin } from "./render-login.js";
import { renderClosed, renderQueue, renderSearch } from "./render-queue.js";
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
import {
  clearSessionCookie,
  hasCsrfToken,
  loadStaffAuth,
  type StaffAuth,
  setSessionCookie,
} from "./staff-session.js";

/** What the server-rendered console needs. */
export interface StaffPagesDeps {
  readonly service: CaseService;
  readonly accounts: StaffAccounts;
  readonly login: StaffLogin;
  readonly secureCookies: boolean;
  readonly sessionTtlSeconds: number;
  readonly logger: Logger;
  readonly orgName?: string;
  /** The center's details the canned replies name. */
  readonly org?: CannedReplyOrg;
  /** True while Redis does not answer (the login page says so instead of showing the form). */
  readonly redisDown?: () => boolean;
}

const PAGE_SIZE = 50;
const auth = (res: Response): StaffAuth => res.locals.staff as StaffAuth;
const viewer = (res: Response): StaffViewer => {
  const { username, role } = auth(res).session;
  return { username, role };
};

/** Where to go after login: a path of this site under /staff or /admin only (never another host). */
function safeNext(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > 300) return "/staff/cases";
  return /^\/(?:staff|admin)(?:[/?#]|$)/.test(raw) && !raw.startsWith("//") && !raw.includes("\\")
    ? raw
    : "/staff/cases";
}

/**
 * The staff console at `/staff`, rendered on the server with every value escaped; forms post
 * with the session's CSRF token in `_csrf` and are redirected back (303). No script is needed.
 */
export function staffPagesRouter(deps: StaffPagesDeps): Router {
  const { service, orgName } = deps;
  const router = Router();
  router.use("/staff", express.urlencoded({ extended: false, limit: "16kb" }));

  router.get("/staff", (_req, res) => res.redirect(303, "/staff/cases"));

  router.get("/staff/login", async (req, res) => {
    // No form that cannot work: while Redis is down a login could only fail.
    if (deps.redisDown?.()) throw unavailable();
    const next = safeNext(req.query.next);
    if (await loadStaffAuth(req, deps.accounts)) return res.redirect(303, next);
    sendPage(res, 200, renderLogin({ orgName, next }));
  });

  router.post("/staff/login", async (req, res) => {
    const parsed = loginBodySchema.safeParse(req.body ?? {});
    const username = typeof req.body?.username === "string" ? req.body.username.slice(0, 64) : "";
    const next = safeNext(req.body?.next);
    if (!parsed.success) {
      return sendPage(
        res,
        400,
        renderLogin({ orgName, username, next, error: "Bạn nhập tên đăng nhập và mật khẩu." }),
      );
    }
    try {
      const result = await deps.login.attempt(req.ip ?? "", parsed.data.username, parsed.data.password);
      if (!result.ok) throw loginFailure(result);
      setSessionCookie(res, result.token, {
        secure: deps.secureCookies,
        maxAgeSeconds: deps.sessionTtlSeconds,
      });
      res.redirect(303, next);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      res.set(error.headers);
      sendPage(res, error.status, renderLogin({ orgName, username, next, error: error.message }));
    }
  });

  // Everything below needs a session; a page without one goes to the login form.
  router.use("/staff", async (req, res, next) => {
    if (req.path.startsWith("/static/")) return next();
    const found = await loadStaffAuth(req, deps.accounts);
    if (!found) {
      if (req.method === "GET") return res.redirect(303, "/staff/login");
      return sendPage(
        res,
        401,
        renderMessagePage({
          title: "Cần đăng nhập",
          message: "Bạn cần đăng nhập lại.",
          back: "/staff/login",
          orgName,
        }),
      );
    }
    res.locals.staff = found;
    if (req.method === "POST" && !hasCsrfToken(req, found.session)) {
      throw httpError("csrf");
    }
    next();
  });

  router.post("/staff/logout", async (_req, res) => {
    await deps.accounts.logout(auth(res).token);
    clearSessionCookie(res, deps.secureCookies);
    res.redirect(303, "/staff/login");
  });

  router.get("/staff/cases", async (req, res) => {
    const parsed = caseListQuerySchema.safeParse(req.query);
    const query = parsed.success ? parsed.data : {};
    const session = auth(res).session;
    if (query.q) {
      const cases = await service.search(viewer(res), query.q);
      // A case code typed in full opens that case.
      const exact = cases.find((c) => c.id === query.q?.toUpperCase());
      if (exact) return res.redirect(303, `/staff/cases/${exact.id}`);
      return sendPage(res, 200, renderSearch({ session, q: query.q, cases, orgName }));
    }
    if (query.tab === "closed") {
      const list = await service.listClosed(viewer(res), { offset: query.offset, limit: PAGE_SIZE });
      return sendPage(res, 200, renderClosed({ session, list, query, limit: PAGE_SIZE, orgName }));
    }
    const { tab: _tab, q: _q, ...filter } = query;
    const list = await service.list(viewer(res), { ...filter, limit: PAGE_SIZE });
    sendPage(res, 200, renderQueue({ session, list, query, limit: PAGE_SIZE, orgName }));
  });

  router.get("/staff/cases/:id", async (req, res) => {
    const id = caseIdOf(req);
    const view = await service.view(viewer(res), id);
    if (!view) throw new CaseNotFoundError(id);
    const notice = String(req.query.ok ?? "");
    const colleagues = view.can.transfer ? await deps.accounts.list() : [];
    sendPage(
      res,
      200,
      renderCase({
        session: auth(res).session,
        view,
        colleagues,
        notice: notice in CASE_NOTICES ? (notice as CaseNotice) : undefined,
        orgName,
        org: deps.org,
      }),
    );
  });

  // Back to the conversation, where the next thing to do (reply) is.
  const done = (res: Response, id: string, notice: CaseNotice) =>
    res.redirect(303, `/staff/cases/${id}?ok=${notice}${notice === "closed" ? "" : "#reply-form"}`);

  router.post("/staff/cases/:id/claim", async (req, res) => {
    const id = caseIdOf(req);
    const result = await service.claim(viewer(res), id);
    if (!result.ok) throw claimLost(result);
    done(res, id, "claimed");
  });

  router.post("/staff/cases/:id/reply", async (req, res) => {
    const id = caseIdOf(req);
    const { text } = replyBodySchema.parse(req.body ?? {});
    const delivery = await service.reply(viewer(res), id, text);
    done(res, id, delivery.state === "outside-window" ? "replied-outside-window" : "replied");
  });

  router.post("/staff/cases/:id/note", async (req, res) => {
    const id = caseIdOf(req);
    await service.note(viewer(res), id, noteBodySchema.parse(req.body ?? {}).text);
    done(res, id, "noted");
  });

  router.post("/staff/cases/:id/transfer", async (req, res) => {
    const id = caseIdOf(req);
    await service.transfer(viewer(res), id, transferBodySchema.parse(req.body ?? {}).to);
    // The former holder may no longer see the case.
    res.redirect(303, "/staff/cases");
  });

  router.post("/staff/cases/:id/close", async (req, res) => {
    const id = caseIdOf(req);
    await service.close(viewer(res), id, closeBodySchema.parse(req.body ?? {}).outcome);
    done(res, id, "closed");
  });

  router.get("/staff/admin", async (_req, res) => {
    if (viewer(res).role !== "admin")
      throw new HttpError(403, "forbidden", "Chỉ quản trị viên được xem trang này.");
    const names = await deps.accounts.list();
    const accounts = (await Promise.all(names.map((n) => deps.accounts.get(n)))).filter(
      (a): a is StaffAccount => a !== undefined,
    );
    sendPage(res, 200, renderAdmin({ session: auth(res).session, accounts, orgName }));
  });

  router.use(
    "/staff",
    pageErrorHandler({
      render: renderMessagePage,
      logger: deps.logger,
      failure: "staff page failed",
      orgName,
      back: (req, error) => {
        const onCase = /^\/cases\/(TGPL-\d{4}-\d{6})\//.exec(req.path);
        return onCase && error.status !== 404 ? `/staff/cases/${onCase[1]}` : "/staff/cases";
      },
    }),
  );
  return router;
}
