import { eventStreamKeys, keyBase } from "../redis/index.js";

const rollup = (prefix: string, day: string) => `${keyBase(prefix, "metrics")}:rollup:${day}`;

/**
 * Redis keys of the metrics module, in the metrics key space with the event streams it reads (the
 * rollup script acknowledges an entry and counts it in one step, so on a cluster they share a slot).
 */
export const metricsKeys = {
  usageStream: eventStreamKeys.usage,
  caseStream: eventStreamKeys.cases,
  callStream: eventStreamKeys.calls,
  /** One hash of counters per Vietnamese day; kept for years. */
  day: rollup,
  /** Counts of scrubbed unanswered samples per day, capped in size. */
  samples: (prefix: string, day: string) => `${rollup(prefix, day)}:samples`,
  /** Session hashes seen on a day, to count conversations; expires after a few days. */
  sessions: (prefix: string, day: string) => `${rollup(prefix, day)}:sessions`,
  /** Questions per session hash in one hour of a day (`hour` 00–23, Vietnam time), for the per-session cap; expires. */
  sessionHour: (prefix: string, day: string, hour: string) => `${rollup(prefix, day)}:per-session:${hour}`,
} as const;

/** The consumer group that feeds the rollups. */
export const ROLLUP_GROUP = "metrics-rollup";
