import type { RequestHandler, Response } from "express";
import type { StaffAccounts } from "../../escalation/index.js";
import { type StaffAuth, staffGuards } from "../staff/index.js";

/** The signed-in admin of a request that passed {@link adminGuard}. */
export function adminOf(res: Response): StaffAuth {
  return res.locals.staff as StaffAuth;
}

/**
 * Admins only, with the staff console's session and CSRF token (the staff guard): no session → 401
 * (a page GET goes to the login form and back), staff and supervisors → 403, a state change
 * without the session's token → 403.
 */
export function adminGuard(accounts: StaffAccounts, options: { readonly page: boolean }): RequestHandler {
  return staffGuards(accounts).guard({
    roles: ["admin"],
    page: options.page,
    unauthorized: "Bạn cần đăng nhập để dùng trang quản trị.",
    forbidden: "Chỉ quản trị viên được biên tập và xuất bản câu hỏi mẫu.",
  });
}
