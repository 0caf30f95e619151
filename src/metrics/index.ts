// The metrics module: Prometheus counters, the event streams rolled up per Vietnamese day, the call log,
// and the reports built from the rollups with their exports. Its routes live in src/http/metrics.
export { type AppMetrics, createAppMetrics, type QueueLike } from "./app-metrics.js";
export { type CallLog, redisCallLog } from "./call-log.js";
export {
  CALL_OUTCOMES,
  type CallEvent,
  type CallLogInput,
  callEventSchema,
  callLogInputSchema,
} from "./call-log-schema.js";
export type { DashboardData, DashboardDay } from "./dashboard-data.js";
export {
  createMetricsIngester,
  type MetricsIngester,
  type MetricsIngesterDeps,
  type StreamEntry,
} from "./metrics-ingester.js";
export { metricsKeys, ROLLUP_GROUP } from "./metrics-keys.js";
export { reportToCsv } from "./report-csv.js";
export { REPORT_GROUPS, type ReportGroup } from "./report-groups.js";
export { type ReportPreset, reportPresets } from "./report-presets.js";
export { firstMessage, reportRangeSchema } from "./report-range.js";
export {
  reportPeriod,
  reportTitle,
  type SummaryLine,
  summaryLines,
  vietnameseDate,
} from "./report-summary.js";
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
export { vietnamDay } from "./vietnam-day.js";
