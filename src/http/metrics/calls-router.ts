import { type Request, type RequestHandler, Router } from "express";
import { z } from "zod";
import { TOPICS } from "../../content/index.js";
import { CALL_OUTCOMES, type CallLog, REPORT_GROUPS } from "../../metrics/index.js";
import { HttpError } from "../http-error.js";

/** The choices of the call form, with Vietnamese labels. */
const OPTIONS = {
  topics: [...TOPICS.map((t) => ({ id: t.id, label: t.label })), { id: "khac", label: "Lĩnh vực khác" }],
  callerGroups: REPORT_GROUPS.map((g) => ({ id: g.id, label: g.label })),
  outcomes: CALL_OUTCOMES.map((o) => ({ id: o.id, label: o.label })),
};

/**
 * `POST /api/v1/staff/calls` (JSON {@link callLogInputSchema}): a staff member logs a hotline call;
 * `GET /api/v1/staff/calls/options`: the form's topics, caller groups and outcomes.
 * `authorize` runs first; `username` reads the signed-in staff member from the request.
 */
export function callsRouter(deps: {
  callLog: CallLog;
  authorize: RequestHandler;
  username: (req: Request) => string | undefined;
}): Router {
  const router = Router();
  router.get("/api/v1/staff/calls/options", deps.authorize, (_req, res) => {
    res.json(OPTIONS);
  });
  router.post("/api/v1/staff/calls", deps.authorize, async (req, res) => {
    const by = deps.username(req);
    if (!by) throw new HttpError(401, "unauthorized", "Bạn cần đăng nhập.");
    try {
      const id = await deps.callLog.record(req.body ?? {}, by);
      res.status(201).json({ id });
    } catch (err) {
      if (err instanceof z.ZodError) {
        throw new HttpError(400, "invalid_call", err.issues[0]?.message ?? "Thông tin cuộc gọi chưa đúng.");
      }
      throw err;
    }
  });
  return router;
}
