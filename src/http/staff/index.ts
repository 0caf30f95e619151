export { escapeHtml, html, SafeHtml } from "./html.js";
export { type StaffApiDeps, staffApiRouter } from "./staff-api-router.js";
export { staffGuards, staffOf } from "./staff-guards.js";
export { type StaffLogin, staffLogin } from "./staff-login.js";
export { type StaffPagesDeps, staffPagesRouter } from "./staff-pages-router.js";
export { STAFF_PUBLIC_DIR, type StaffRouterDeps, staffRouter } from "./staff-router.js";
export { STAFF_COOKIE } from "./staff-session.js";
