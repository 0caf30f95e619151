import type { Redis } from "ioredis";
import { type CallEvent, type CallLogInput, callLogInputSchema } from "./call-log-schema.js";
import { metricsKeys } from "./metrics-keys.js";

/** The phone hotline call log (staff record each call; the rollups count it). */
export interface CallLog {
  /** Validates (throws the zod error on bad input), scrubs the note and appends the call; returns its stream id. */
  record(input: CallLogInput, by: string): Promise<string>;
}

/** A call log on the Redis stream `metricsKeys.callStream`; entries are trimmed with the other raw events. */
export function redisCallLog(deps: { redis: Redis; prefix: string; clock?: () => Date }): CallLog {
  const key = metricsKeys.callStream(deps.prefix);
  const now = deps.clock ?? (() => new Date());
  return {
    async record(input, by) {
      const call = callLogInputSchema.parse(input);
      const event: CallEvent = {
        at: new Date(call.time).toISOString(),
        durationSeconds: call.durationSeconds,
        topic: call.topic,
        callerGroup: call.callerGroup,
        outcome: call.outcome,
        ...(call.note ? { note: call.note } : {}),
        by,
        recordedAt: now().toISOString(),
      };
      const id = await deps.redis.xadd(key, "*", "e", JSON.stringify(event));
      return id ?? "";
    },
  };
}
