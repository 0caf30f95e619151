// The metrics module's HTTP side: Prometheus scrape, the staff dashboard and call log, the reports
// page and its downloads. Numbers come from src/metrics; these routers parse, call and render.
export { addressAllowList } from "./address-allow-list.js";
export { callsRouter } from "./calls-router.js";
export { DASHBOARD_DIR, dashboardRouter } from "./dashboard-router.js";
export { metricsRouter } from "./metrics-router.js";
export { reportTablesHtml, reportToHtml } from "./report-html.js";
export { reportsPageRouter } from "./reports-page-router.js";
export { reportsRouter } from "./reports-router.js";
