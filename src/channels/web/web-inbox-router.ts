import { type Request, Router } from "express";
import type { Redis } from "ioredis";
import { z } from "zod";
import { HttpError } from "../../http/index.js";
import { type AskLimiter, RateLimitedError } from "./ask-router.js";
import { webSessionIdSchema } from "./ask-schema.js";
import { redisWebInbox } from "./web-inbox.js";

/** `GET /api/v1/inbox` query: the web chat's session id and the last message id it has shown. */
export const inboxQuerySchema = z.object({
  sessionId: webSessionIdSchema,
  after: z.coerce
    .number({ error: "after phải là một số" })
    .int("after phải là số nguyên")
    .min(0, "after không được âm")
    .default(0),
});

/**
 * `GET /api/v1/inbox?sessionId=…&after=<n>` → `{messages: [{id, text, at}]}`: staff messages for a
 * web chat session, newer than `after`. `limiter` (e.g. a `redisAskLimiter` under its own key
 * prefix) keeps polling cheap.
 */
export function webInboxRouter(deps: { redis: Redis; prefix: string; limiter?: AskLimiter }): Router {
  const inbox = redisWebInbox(deps.redis, deps.prefix);
  const router = Router();
  router.get("/api/v1/inbox", async (req: Request, res) => {
    const parsed = inboxQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      throw new HttpError(400, "invalid_request", parsed.error.issues[0]?.message ?? "Yêu cầu không hợp lệ.");
    }
    try {
      await deps.limiter?.consume(req.ip ?? "unknown", parsed.data.sessionId);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        throw new HttpError(429, "rate_limited", "Bạn hỏi nhanh quá, vui lòng chờ một chút.", {
          headers: { "Retry-After": String(error.retryAfterSeconds) },
        });
      }
      throw error;
    }
    const messages = await inbox.read(parsed.data.sessionId, parsed.data.after);
    res.set("Cache-Control", "no-store").json({ messages });
  });
  return router;
}
