import type { RequestHandler } from "express";
import type { StaffAccounts, StaffRole } from "../../escalation/index.js";
import { HttpError } from "../http-error.js";
import { hasCsrfToken, loadStaffAuth, type StaffAuth } from "./staff-session.js";

/** The signed-in staff member of a request that passed a guard. */
export function staffOf(res: { locals: Record<string, unknown> }): StaffAuth | undefined {
  return res.locals.staff as StaffAuth | undefined;
}

/**
 * Guards for routes outside the staff routers (dashboard, call log, reports, admin): a session
 * is needed (API 401, page → login form), `roles` limits who may enter (403), and every
 * state-changing request carries the session's CSRF token (403), as in the staff API.
 */
export function staffGuards(accounts: StaffAccounts) {
  function guard(options: { roles?: readonly StaffRole[]; page?: boolean }): RequestHandler {
    return async (req, res, next) => {
      const found = await loadStaffAuth(req, accounts);
      if (!found) {
        if (options.page && req.method === "GET") return res.redirect(303, "/staff/login");
        throw new HttpError(401, "unauthorized", "Bạn cần đăng nhập để dùng trang cán bộ.");
      }
      if (options.roles && !options.roles.includes(found.session.role)) {
        throw new HttpError(403, "forbidden", "Tài khoản của bạn không có quyền dùng chức năng này.");
      }
      if (req.method !== "GET" && req.method !== "HEAD" && !hasCsrfToken(req, found.session)) {
        throw new HttpError(403, "csrf", "Phiên làm việc không hợp lệ. Bạn tải lại trang rồi thử lại.");
      }
      res.locals.staff = found;
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
    guard,
  };
}
