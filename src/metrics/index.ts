// Events → daily rollups

// Prometheus
export { type AppMetrics, createAppMetrics } from "./app-metrics.js";
export { type CallLog, redisCallLog } from "./call-log.js";
export {
  CALL_OUTCOMES,
  type CallEvent,
  type CallLogInput,
  callEventSchema,
  callLogInputSchema,
} from "./call-log-schema.js";
// Staff dashboard and call log API
export { callsRouter } from "./calls-router.js";
// Reports and exports
export type { DashboardData, DashboardDay } from "./dashboard-data.js";
export { DASHBOARD_DIR, dashboardRouter } from "./dashboard-router.js";
export {
  createMetricsIngester,
  type MetricsIngester,
  type MetricsIngesterDeps,
  type StreamEntry,
} from "./metrics-ingester.js";
export { metricsKeys, ROLLUP_GROUP } from "./metrics-keys.js";
export { metricsRouter } from "./metrics-router.js";
export { reportToCsv } from "./report-csv.js";
export { REPORT_GROUPS, type ReportGroup } from "./report-groups.js";
export { reportTablesHtml, reportToHtml } from "./report-html.js";
export { reportRangeSchema } from "./report-range.js";
export type {
  Report,
  ReportColumn,
  ReportRow,
  ReportTable,
  ReportTotals,
  ResponseTimes,
  Satisfaction,
} from "./report-types.js";
export { reportToXlsx } from "./report-xlsx.js";
export { type DateRange, type Reports, redisReports } from "./reports.js";
export { reportsPageRouter } from "./reports-page-router.js";
export { reportsRouter } from "./reports-router.js";
export { vietnamDay } from "./vietnam-day.js";
