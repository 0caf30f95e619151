import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type RequestHandler, Router } from "express";
import { z } from "zod";
import { channelRegistry } from "../../channels/channel-registry.js";
import { firstMessage, type Reports, reportRangeSchema } from "../../metrics/index.js";
import { html, option, renderLayout, SafeHtml, sendPage } from "../console/index.js";
import { HttpError } from "../http-error.js";
import { staffOf } from "../staff/index.js";

/** The dashboard's static files (no CDN): `public/` beside this module (the build copies it into dist/). */
export const DASHBOARD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "public");

/** A registered channel's metrics label, or "phone" (the hotline's calls). */
const channelSchema = z
  .string()
  .refine((v) => v === "phone" || channelRegistry.byMetricsLabel(v) !== undefined, {
    error: () => `Kênh là ${channelRegistry.metricsLabels().join(", ")} hoặc phone.`,
  })
  .optional();

const CHANNEL_OPTIONS =
  "<!-- channel options: one per registered channel, filled in by dashboard-router.ts -->";

/** The page body with an `<option>` per registered channel (value: its metrics label) in the filter. */
function withChannelOptions(body: string): SafeHtml {
  const options = channelRegistry.ids().map((id) => {
    const channel = channelRegistry.get(id);
    return option(channel.metricsLabel, channel.label);
  });
  return new SafeHtml(body.replace(CHANNEL_OPTIONS, html`${options}`.value));
}

/**
 * `GET /api/v1/staff/dashboard?from=&to=&channel=` (the dashboard's numbers) behind `authorize`
 * (the integrator passes the staff-session check), and the page itself at `/staff/dashboard`
 * with Chart.js served from node_modules at `/staff/vendor/chart.umd.js` (same origin, CSP 'self').
 */
export function dashboardRouter(deps: {
  reports: Reports;
  authorize: RequestHandler;
  /** Guards the page too (e.g. redirect to the login page); the data API is always guarded. */
  authorizePage?: RequestHandler;
  dir?: string;
  orgName?: string;
}): Router {
  const router = Router();
  router.get("/api/v1/staff/dashboard", deps.authorize, async (req, res) => {
    const range = reportRangeSchema.safeParse({ from: req.query.from, to: req.query.to });
    if (!range.success) throw new HttpError(400, "invalid_range", firstMessage(range.error));
    const channel = channelSchema.safeParse(req.query.channel || undefined);
    if (!channel.success) throw new HttpError(400, "invalid_channel", firstMessage(channel.error));
    res
      .set("Cache-Control", "no-store")
      .json(await deps.reports.dashboardData({ ...range.data, channel: channel.data }));
  });

  const page: RequestHandler[] = deps.authorizePage ? [deps.authorizePage] : [];
  // chart.js exports no subpath for its UMD build; it sits beside the package's main file.
  const chartJs = path.join(path.dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.js");
  router.get("/staff/vendor/chart.umd.js", (_req, res) => {
    res.set("Cache-Control", "public, max-age=86400").sendFile(chartJs);
  });
  // The page is the dashboard's fragment inside the staff console's frame (menu by role, logout).
  const body = readFileSync(path.join(deps.dir ?? DASHBOARD_DIR, "dashboard-body.html"), "utf8");
  router.get("/staff/dashboard", ...page, (_req, res) => {
    const session = staffOf(res)?.session;
    sendPage(
      res,
      200,
      renderLayout({ title: "Bảng số liệu", session, orgName: deps.orgName, body: withChannelOptions(body) }),
    );
  });
  router.use("/staff/dashboard", express.static(deps.dir ?? DASHBOARD_DIR, { index: false, maxAge: "1h" }));
  return router;
}
