/** Redis keys of the metrics module, all under the deployment's prefix. */
export const metricsKeys = {
  /** Engine usage events (written by src/redis/redis-usage-sink.ts). */
  usageStream: (prefix: string) => `${prefix}:usage`,
  /** Case events (written by src/escalation/redis-case-events.ts). */
  caseStream: (prefix: string) => `${prefix}:events:cases`,
  /** Phone hotline call events (written by the call log). */
  callStream: (prefix: string) => `${prefix}:events:calls`,
  /** One hash of counters per Vietnamese day; kept for years. */
  day: (prefix: string, day: string) => `${prefix}:rollup:${day}`,
  /** Counts of scrubbed unanswered samples per day, capped in size. */
  samples: (prefix: string, day: string) => `${prefix}:rollup:${day}:samples`,
  /** Session hashes seen on a day, to count conversations; expires after a few days. */
  sessions: (prefix: string, day: string) => `${prefix}:rollup:${day}:sessions`,
  /** Questions per session hash in one hour of a day (`hour` 00–23, Vietnam time), for the per-session cap; expires. */
  sessionHour: (prefix: string, day: string, hour: string) => `${prefix}:rollup:${day}:per-session:${hour}`,
} as const;

/** The consumer group that feeds the rollups. */
export const ROLLUP_GROUP = "metrics-rollup";
