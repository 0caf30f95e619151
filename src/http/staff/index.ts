export { type StaffApiDeps, staffApiRouter } from "./staff-api-router.js";
export { staffGuards, staffOf } from "./staff-guards.js";
export { type StaffLogin, staffLogin } from "./staff-login.js";
export { type StaffPagesDeps, staffPagesRouter } from "./staff-pages-router.js";
export { caseIdOf } from "./staff-params.js";
export { STAFF_PUBLIC_DIR, type StaffRouterDeps, staffRouter } from "./staff-router.js";
export { hasCsrfToken, loadStaffAuth, STAFF_COOKIE, type StaffAuth } from "./staff-session.js";
