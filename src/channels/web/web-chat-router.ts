import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";

/** The web chat's static files (no CDN): `public/` beside this module (the build copies it into dist/). */
export const WEB_CHAT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "public");

/** Serves the web chat at `/`. */
export function webChatRouter(dir: string = WEB_CHAT_DIR): Router {
  const router = Router();
  router.use(express.static(dir, { index: "index.html", maxAge: "1h", fallthrough: true }));
  return router;
}
