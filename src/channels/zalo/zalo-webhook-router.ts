import express, { Router } from "express";
import { HttpError } from "../../http/index.js";
import { verifyZaloSignature, ZALO_SIGNATURE_HEADER } from "./verify-zalo-signature.js";
import { toZaloInboundJob, type ZaloInboundJob } from "./zalo-event.js";

/** The Zalo OA webhook path. */
export const ZALO_WEBHOOK_PATH = "/webhooks/zalo";

/**
 * `POST /webhooks/zalo` on the raw body: 401 unless the signature matches and is fresh; then the
 * event is queued (durable) and Zalo gets its 200 at once. Events we do not handle get 200 too.
 */
export function zaloWebhookRouter(deps: {
  appId: string;
  oaSecretKey: string;
  maxAgeSeconds: number;
  enqueue: (event: ZaloInboundJob) => Promise<void>;
  now?: () => number;
  onRejected?: (reason: string) => void;
}): Router {
  const router = Router();
  router.post(ZALO_WEBHOOK_PATH, express.raw({ type: () => true, limit: "64kb" }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      body = undefined;
    }
    const check = verifyZaloSignature({
      header: req.header(ZALO_SIGNATURE_HEADER),
      rawBody: raw,
      timestamp: timestampOf(body),
      appId: deps.appId,
      secretKey: deps.oaSecretKey,
      nowMs: deps.now?.() ?? Date.now(),
      maxAgeSeconds: deps.maxAgeSeconds,
    });
    if (!check.ok) {
      deps.onRejected?.(check.reason);
      throw new HttpError(401, "invalid_signature", "Chữ ký Zalo không hợp lệ.");
    }
    const event = toZaloInboundJob(body);
    if (event) await deps.enqueue(event);
    // Zalo reads only the status; an empty body spares the JSON and ETag work on a hot path.
    res.status(200).end();
  });
  return router;
}

function timestampOf(body: unknown): string | number | undefined {
  if (typeof body !== "object" || body === null || !("timestamp" in body)) return undefined;
  const t = (body as { timestamp: unknown }).timestamp;
  return typeof t === "string" || typeof t === "number" ? t : undefined;
}
