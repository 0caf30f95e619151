import { type Response, Router } from "express";
import type { CaseLive, CaseLiveEvent, StaffAccounts } from "../../escalation/index.js";
import { staffGuards, staffOf } from "./staff-guards.js";
import { loadStaffAuth } from "./staff-session.js";

/** A comment line keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/** Staff see open cases and their own; supervisors and admins see all (as in the case service). */
function visibleTo(event: CaseLiveEvent, username: string, role: string): boolean {
  return role === "supervisor" || role === "admin" || event.status === "open" || event.claimedBy === username;
}

/**
 * `GET /staff/live`: server-sent events for the staff console. Each case change any instance makes
 * (a citizen message, a claim, a reply, a close…) arrives as `event: case` with
 * `{"caseId","type","status"}` — no citizen text — for the cases this staff member may see; the
 * page then fetches what changed. Needs the staff session (401 otherwise).
 */
export function staffLiveRouter(deps: { accounts: StaffAccounts; live: CaseLive }): Router {
  const router = Router();
  const guards = staffGuards(deps.accounts);

  router.get("/staff/live", guards.staff, async (req, res: Response) => {
    const session = staffOf(res)?.session;
    if (!session) return;
    res.status(200).set({
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.flushHeaders();
    res.write("retry: 3000\n\n");
    const stop = await deps.live.subscribe((event) => {
      if (!visibleTo(event, session.username, session.role)) return;
      const { caseId, type, status } = event;
      res.write(`event: case\ndata: ${JSON.stringify({ caseId, type, status })}\n\n`);
    });
    // A logged-out or expired session stops hearing anything at the next beat.
    const heartbeat = setInterval(() => {
      res.write(": ping\n\n");
      void loadStaffAuth(req, deps.accounts).then(
        (still) => still || res.end(),
        () => undefined,
      );
    }, HEARTBEAT_MS);
    req.on("close", () => {
      clearInterval(heartbeat);
      stop();
    });
  });
  return router;
}
