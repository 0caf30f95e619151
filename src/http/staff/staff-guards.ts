import type { RequestHandler } from "express";
import type { StaffAccounts, StaffRole } from "../../escalation/index.js";
import { REPORT_ROLES } from "../console/index.js";
import { httpError } from "../error-status.js";
import { HttpError } from "../http-error.js";
import { hasCsrfToken, loadStaffAuth, type StaffAuth } from "./staff-session.js";

/** The signed-in staff member of a request that passed a guard. */
export function staffOf(res: { locals: Record<string, unknown> }): StaffAuth | undefined {
  return res.locals.staff as StaffAuth | undefined;
}

const REPORTS_FORBIDDEN = "Chỉ trưởng nhóm và quản trị viên xem được báo cáo.";

/**
 * Guards for routes outside the staff routers (dashboard, call log, reports, admin): a session
 * is needed (API 401, page → login form), `roles` limits who may enter (403), and every
 * state-changing request carries the session's CSRF token (403), as in the staff API.
 */
export function staffGuards(accounts: StaffAccounts) {
  function guard(options: {
    roles?: readonly StaffRole[];
    page?: boolean;
    /** What a signed-out or unauthorized caller is told (defaults speak of the staff console). */
    unauthorized?: string;
    forbidden?: string;
  }): RequestHandler {
    return async (req, res, next) => {
      const found = await loadStaffAuth(req, accounts);
      if (!found) {
        // A page returns to itself after the login form.
        if (options.page && req.method === "GET")
          return res.redirect(303, `/staff/login?next=${encodeURIComponent(req.originalUrl)}`);
        throw new HttpError(
          401,
          "unauthorized",
          options.unauthorized ?? "Bạn cần đăng nhập để dùng trang cán bộ.",
        );
      }
      // Set before the checks, so an error page can still show who is signed in.
      res.locals.staff = found;
      if (options.roles && !options.roles.includes(found.session.role)) {
        throw new HttpError(
          403,
          "forbidden",
          options.forbidden ?? "Tài khoản của bạn không có quyền dùng chức năng này.",
        );
      }
      if (req.method !== "GET" && req.method !== "HEAD" && !hasCsrfToken(req, found.session)) {
        throw httpError("csrf");
      }
      next();
    };
  }
  return {
    /** Any signed-in staff member (JSON API). */
    staff: guard({}),
    /** Any signed-in staff member (a page: no session → the login form). */
    staffPage: guard({ page: true }),
    /** Admins only (JSON API and downloads). */
    admin: guard({ roles: ["admin"] }),
    /** Supervisors and admins: the report downloads (the head of the center sends them). */
    reports: guard({ roles: REPORT_ROLES, forbidden: REPORTS_FORBIDDEN }),
    /** The report page, for supervisors and admins (no session → the login form). */
    reportsPage: guard({ roles: REPORT_ROLES, page: true, forbidden: REPORTS_FORBIDDEN }),
    guard,
  };
}
