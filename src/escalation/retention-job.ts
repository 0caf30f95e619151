import type { Queue } from "bullmq";
import { z } from "zod";
import { createJobQueue } from "../channels/outbound/index.js";
import type { Clock } from "../core/index.js";
import type { Logger } from "../logging/index.js";
import type { RedisEndpoint } from "../redis/index.js";
import type { CaseStore } from "./case-store.js";

/** What one retention pass needs. */
export interface RetentionDeps {
  readonly store: Pick<CaseStore, "closedBefore" | "anonymize">;
  /** CASE_RETENTION_DAYS: a case closed longer ago than this is anonymized. */
  readonly retentionDays: number;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Cases anonymized per store call (default 200). */
  readonly batchSize?: number;
}

/** What the scheduled job needs besides one pass's deps. */
export interface RetentionJobDeps extends RetentionDeps {
  readonly redisEndpoint: RedisEndpoint;
  /** REDIS_PREFIX; the queue lives under its `bullPrefix`. */
  readonly prefix: string;
  /** Cron pattern in Vietnam time (default daily at 02:00). */
  readonly pattern?: string;
  /** Run the daily job in this process (default true); the schedule is written either way. */
  readonly work?: boolean;
}

/** The scheduled retention job. */
export interface RetentionJob {
  readonly queue: Queue;
  /** One pass now; resolves with how many cases were anonymized. */
  runOnce(): Promise<number>;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;
const SCHEDULER_ID = "retention-daily";
/** Audit entries of the job name it as the actor. */
export const RETENTION_ACTOR = "retention";

/**
 * Anonymizes every case closed more than `retentionDays` ago, in batches, audited as by
 * "retention"; resolves with the count. For the daily job, tests and a CLI.
 */
export async function runRetentionOnce(deps: RetentionDeps): Promise<number> {
  const batch = deps.batchSize ?? 200;
  const before = new Date(deps.clock.now().getTime() - deps.retentionDays * DAY_MS);
  let count = 0;
  for (;;) {
    // Anonymizing takes a case off the closed index, so each call returns the next ones.
    const ids = await deps.store.closedBefore(before, batch);
    for (const id of ids) await deps.store.anonymize(id, RETENTION_ACTOR);
    count += ids.length;
    if (ids.length < batch) break;
  }
  deps.logger.info({ count, closedBefore: before.toISOString() }, "retention: closed cases anonymized");
  return count;
}

/**
 * Schedules the retention pass as a BullMQ job scheduler (repeatable; daily at 02:00
 * Asia/Ho_Chi_Minh unless `pattern` says otherwise). Upserting makes a restart or a second
 * instance keep one schedule.
 */
export async function startRetentionJob(deps: RetentionJobDeps): Promise<RetentionJob> {
  const logger = deps.logger.child({ module: "retention" });
  const pass = { ...deps, logger };
  const jobs = createJobQueue<Record<string, never>>({
    name: "retention",
    redisEndpoint: deps.redisEndpoint,
    prefix: deps.prefix,
    schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
    process: async () => {
      await runRetentionOnce(pass);
    },
    concurrency: 1,
    attempts: 3,
    backoffMs: 60_000,
    lockSeconds: 300,
    keepCompletedSeconds: 30 * 86_400,
    work: deps.work,
    logger,
  });
  await jobs.queue.upsertJobScheduler(
    SCHEDULER_ID,
    { pattern: deps.pattern ?? "0 2 * * *", tz: "Asia/Ho_Chi_Minh" },
    { name: "retention", data: {} },
  );
  return { queue: jobs.queue, runOnce: () => runRetentionOnce(pass), close: () => jobs.close() };
}
