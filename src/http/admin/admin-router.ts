import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";
import { adminApiRouter } from "./admin-api-router.js";
import type { AdminDeps } from "./admin-deps.js";
import { adminPagesRouter } from "./admin-pages-router.js";

/**
 * The console's stylesheet and script (no inline script: the CSP allows 'self' only): `public/` beside this
 * module, in src/ and dist/.
 */
export const ADMIN_PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "public");

/**
 * The admin curation console (`/admin`, server-rendered) and its JSON API (`/api/v1/admin`). Mount at "/"
 * among the app's routers, after the body parsers.
 */
export function adminRouter(deps: AdminDeps): Router {
  const router = Router();
  router.use("/admin/static", express.static(ADMIN_PUBLIC_DIR, { maxAge: "1h", index: false }));
  router.use("/api/v1/admin", adminApiRouter(deps));
  router.use(adminPagesRouter(deps));
  return router;
}
