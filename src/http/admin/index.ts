export { adminApiRouter } from "./admin-api-router.js";
export type { AdminDeps } from "./admin-deps.js";
export { adminPagesRouter } from "./admin-pages-router.js";
export { ADMIN_PUBLIC_DIR, adminRouter } from "./admin-router.js";
export { chatPreview } from "./chat-preview.js";
