import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";

/** The web chat's static files (no CDN): src/channels/web/public, also shipped next to dist/. */
export const WEB_CHAT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../src/channels/web/public",
);

/** Serves the web chat at `/`. */
export function webChatRouter(dir: string = WEB_CHAT_DIR): Router {
  const router = Router();
  router.use(express.static(dir, { index: "index.html", maxAge: "1h", fallthrough: true }));
  return router;
}
