import { type RequestHandler, Router } from "express";
import { z } from "zod";
import {
  firstMessage,
  type Reports,
  reportRangeSchema,
  reportToCsv,
  reportToXlsx,
} from "../../metrics/index.js";
import { HttpError } from "../http-error.js";
import { reportToHtml } from "./report-html.js";

const formatSchema = z
  .enum(["json", "csv", "xlsx", "html"], { error: "Định dạng (format) là json, csv, xlsx hoặc html." })
  .default("json");
const csvSchema = z
  .enum(["semicolon", "comma"], { error: "Dấu phân cách CSV (sep) là semicolon hoặc comma." })
  .default("semicolon");

/**
 * `GET /api/v1/admin/reports?from=YYYY-MM-DD&to=YYYY-MM-DD&format=json|csv|xlsx|html[&sep=semicolon|comma]`.
 * `authorize` runs first (the integrator passes the staff-session admin check).
 */
export function reportsRouter(deps: {
  reports: Reports;
  authorize: RequestHandler;
  orgName?: string;
}): Router {
  const router = Router();
  router.get("/api/v1/admin/reports", deps.authorize, async (req, res) => {
    const format = formatSchema.safeParse(req.query.format);
    if (!format.success) throw new HttpError(400, "invalid_format", firstMessage(format.error));
    const sep = csvSchema.safeParse(req.query.sep);
    if (!sep.success) throw new HttpError(400, "invalid_separator", firstMessage(sep.error));
    const range = reportRangeSchema.safeParse({ from: req.query.from, to: req.query.to });
    if (!range.success) throw new HttpError(400, "invalid_range", firstMessage(range.error));
    const report = await deps.reports.buildReport(range.data);
    const base = `bao-cao-${range.data.from}_${range.data.to}`;
    res.set("Cache-Control", "no-store");
    switch (format.data) {
      case "json":
        res.json(report);
        return;
      case "csv":
        res
          .type("text/csv; charset=utf-8")
          .set("Content-Disposition", `attachment; filename="${base}.csv"`)
          .send(reportToCsv(report, sep.data));
        return;
      case "xlsx":
        res
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .set("Content-Disposition", `attachment; filename="${base}.xlsx"`)
          .send(await reportToXlsx(report));
        return;
      case "html":
        res
          .type("text/html; charset=utf-8")
          .set("Content-Disposition", `inline; filename="${base}.html"`)
          .send(reportToHtml(report, { orgName: deps.orgName }));
        return;
    }
  });
  return router;
}
