import { type RequestHandler, Router } from "express";
import { firstMessage, type Reports, reportPresets, reportRangeSchema } from "../../metrics/index.js";
import { sendPage } from "../console/index.js";
import { staffOf } from "../staff/index.js";
import { renderReportPage } from "./render-report-page.js";

/**
 * The "Báo cáo" page at `/staff/reports` for supervisors and admins (`authorizePage` decides):
 * period presets, a custom range, a preview of the tables and the XLSX/CSV/print downloads.
 * With no range given it shows this month.
 */
export function reportsPageRouter(deps: {
  reports: Reports;
  authorizePage: RequestHandler;
  now?: () => Date;
  orgName?: string;
}): Router {
  const router = Router();
  router.get("/staff/reports", deps.authorizePage, async (req, res) => {
    const session = staffOf(res)?.session;
    if (!session) throw new Error("the page guard let a request through without a session");
    const presets = reportPresets(deps.now?.() ?? new Date());
    const asked = req.query.from === undefined && req.query.to === undefined ? presets[0] : req.query;
    const range = reportRangeSchema.safeParse({ from: asked?.from, to: asked?.to });
    const shown = {
      from: typeof asked?.from === "string" ? asked.from : "",
      to: typeof asked?.to === "string" ? asked.to : "",
    };
    const page = range.success
      ? { range: range.data, report: await deps.reports.buildReport(range.data) }
      : { range: shown, error: firstMessage(range.error) };
    sendPage(
      res,
      range.success ? 200 : 400,
      renderReportPage({ session, orgName: deps.orgName, presets, ...page }),
    );
  });
  return router;
}
