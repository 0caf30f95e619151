import { keyBase } from "./key-space.js";

/**
 * The event streams several modules write and the metrics rollup reads. They sit in the metrics key
 * space because the rollup script XACKs a stream entry and bumps its day's counters in one step:
 * on a cluster the stream and the rollup keys must share a slot.
 */
export const eventStreamKeys = {
  /** Engine usage events (src/redis/redis-usage-sink.ts); also read by curation and the FAQ 👍/👎 counts. */
  usage: (prefix: string) => `${keyBase(prefix, "metrics")}:usage`,
  /** Case events (src/escalation/redis-case-events.ts). */
  cases: (prefix: string) => `${keyBase(prefix, "metrics")}:events:cases`,
  /** Phone hotline call events (src/metrics/call-log.ts). */
  calls: (prefix: string) => `${keyBase(prefix, "metrics")}:events:calls`,
  /** Telegram 👎 reasons for curators (src/channels/telegram/feedback-reasons.ts). */
  feedback: (prefix: string) => `${keyBase(prefix, "metrics")}:feedback`,
} as const;
