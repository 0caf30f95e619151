import { timingSafeEqual } from "node:crypto";
import express, { Router } from "express";
import type { Update } from "grammy/types";
import { z } from "zod";
import { HttpError } from "../../http/index.js";

/** The header Telegram sends with the secret given to setWebhook. */
export const TELEGRAM_SECRET_HEADER = "x-telegram-bot-api-secret-token";

const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

/** True when both strings are equal, compared in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `POST <path>` for Telegram's webhook: 401 unless the secret header matches; the update is
 * handled (reply queued) before the 200, so an update whose handling failed is sent again by Telegram.
 */
export function telegramWebhookRouter(deps: {
  path: string;
  secret: string;
  handleUpdate: (update: Update) => Promise<void>;
}): Router {
  const router = Router();
  router.post(deps.path, (req, _res, next) => {
    if (!sameSecret(req.header(TELEGRAM_SECRET_HEADER), deps.secret)) {
      throw new HttpError(401, "unauthorized", "Sai mã bí mật của webhook.");
    }
    next();
  });
  router.post(deps.path, express.json({ limit: "1mb" }), async (req, res) => {
    const parsed = updateSchema.safeParse(req.body);
    if (!parsed.success)
      throw new HttpError(400, "invalid_update", "Nội dung không phải một update của Telegram.");
    await deps.handleUpdate(parsed.data as unknown as Update);
    res.status(200).json({ ok: true });
  });
  return router;
}
