import type { Redis } from "ioredis";
import { eventStreamKeys } from "../redis/index.js";
import type { CaseEvent, CaseEventSink } from "./case-service.js";

/**
 * Case events on the Redis stream `eventStreamKeys.cases`, for the reports (issue 7). Each entry (XADD with an approximate
 * MAXLEN) has one field, `e`: the {@link CaseEvent} as JSON, with the fields `at` (ISO time),
 * `type`, `channel`, `topic`, `eligibility`, `groups` (Art. 7 keys) and, by type, `by`
 * (staff username), `outcome`, `rating` (1–5) and `responseMs` (working-clock ms to the first reply).
 * No citizen text or channel ids. Recording never throws: a failure goes to `onError`.
 */
export function redisCaseEvents(
  redis: Redis,
  prefix: string,
  options: { maxLen: number; onError?: (err: unknown, event: CaseEvent) => void },
): CaseEventSink {
  const key = eventStreamKeys.cases(prefix);
  return {
    async record(event) {
      try {
        await redis.xadd(key, "MAXLEN", "~", String(options.maxLen), "*", "e", JSON.stringify(event));
      } catch (err) {
        options.onError?.(err, event);
      }
    },
  };
}
