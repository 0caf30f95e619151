import { type Request, Router } from "express";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { CaseThreadState, CaseThreads } from "../../core/index.js";
import { HttpError } from "../../http/index.js";
import { type AskLimiter, RateLimitedError } from "./ask-router.js";
import { webSessionIdSchema } from "./ask-schema.js";
import type { WebHistory } from "./web-history.js";
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

/** `GET /api/v1/history` query: the web chat's session id. */
export const historyQuerySchema = z.object({ sessionId: webSessionIdSchema });

/**
 * `GET /api/v1/inbox?sessionId=…&after=<n>` → `{messages: [{id, text, at, buttons?}], thread?}`: staff
 * messages for a web chat session, newer than `after`, and the open case the chat talks to.
 * `GET /api/v1/history?sessionId=…` → `{messages: [...], thread?}`: the conversation kept on the
 * server, so a reload or a closed tab shows it again. `limiter` (e.g. a `redisAskLimiter` under its
 * own key prefix) keeps polling cheap.
 */
export function webInboxRouter(deps: {
  redis: Redis;
  prefix: string;
  limiter?: AskLimiter;
  history?: WebHistory;
  threads?: CaseThreads;
}): Router {
  const inbox = redisWebInbox(deps.redis, deps.prefix);
  const router = Router();

  async function admit(req: Request, sessionId: string): Promise<void> {
    try {
      await deps.limiter?.consume(req.ip ?? "unknown", sessionId);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        throw new HttpError(429, "rate_limited", "Bạn hỏi nhanh quá, vui lòng chờ một chút.", {
          headers: { "Retry-After": String(error.retryAfterSeconds) },
        });
      }
      throw error;
    }
  }

  /** The case thread of the session: the page shows its code and the leave/resume button. */
  async function thread(sessionId: string): Promise<{ thread?: CaseThreadState }> {
    const current = await deps.threads?.current("web", sessionId).catch(() => undefined);
    return current ? { thread: current } : {};
  }

  router.get("/api/v1/inbox", async (req: Request, res) => {
    const parsed = inboxQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      throw new HttpError(400, "invalid_request", parsed.error.issues[0]?.message ?? "Yêu cầu không hợp lệ.");
    }
    await admit(req, parsed.data.sessionId);
    const messages = await inbox.read(parsed.data.sessionId, parsed.data.after);
    res.set("Cache-Control", "no-store").json({ messages, ...(await thread(parsed.data.sessionId)) });
  });

  router.get("/api/v1/history", async (req: Request, res) => {
    const parsed = historyQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      throw new HttpError(400, "invalid_request", parsed.error.issues[0]?.message ?? "Yêu cầu không hợp lệ.");
    }
    await admit(req, parsed.data.sessionId);
    const messages = (await deps.history?.read(parsed.data.sessionId)) ?? [];
    res.set("Cache-Control", "no-store").json({ messages, ...(await thread(parsed.data.sessionId)) });
  });
  return router;
}
