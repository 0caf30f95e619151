import type { Request, RequestHandler, Response } from "express";
import type { StaffAccounts } from "../../escalation/index.js";
import { HttpError } from "../http-error.js";
import { hasCsrfToken, loadStaffAuth, type StaffAuth } from "../staff/index.js";

/** The signed-in admin of a request that passed {@link adminGuard}. */
export function adminOf(res: Response): StaffAuth {
  return res.locals.staff as StaffAuth;
}

/** The path a page redirects to after login. */
function loginUrl(req: Request): string {
  return `/staff/login?next=${encodeURIComponent(req.originalUrl)}`;
}

/**
 * Admins only, with the staff console's session and CSRF token: no session → 401 (a page GET goes to
 * the login form), staff and supervisors → 403, a state change without the session's token → 403.
 */
export function adminGuard(accounts: StaffAccounts, options: { readonly page: boolean }): RequestHandler {
  return async (req, res, next) => {
    const found = await loadStaffAuth(req, accounts);
    if (!found) {
      if (options.page && req.method === "GET") return res.redirect(303, loginUrl(req));
      throw new HttpError(401, "unauthorized", "Bạn cần đăng nhập để dùng trang quản trị.");
    }
    res.locals.staff = found;
    if (found.session.role !== "admin")
      throw new HttpError(403, "forbidden", "Chỉ quản trị viên được biên tập và xuất bản câu hỏi mẫu.");
    if (req.method !== "GET" && req.method !== "HEAD" && !hasCsrfToken(req, found.session))
      throw new HttpError(403, "csrf", "Phiên làm việc không hợp lệ. Bạn tải lại trang rồi thử lại.");
    next();
  };
}
