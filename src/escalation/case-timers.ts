import type { Queue } from "bullmq";
import { z } from "zod";
import { createJobQueue, jobId } from "../channels/outbound/index.js";
import type { EscalationConfig } from "../config/index.js";
import type { Clock } from "../core/index.js";
import type { Logger } from "../logging/index.js";
import type { RedisEndpoint } from "../redis/index.js";
import { caseEvent } from "./case-event.js";
import type { LegalAidCase } from "./case-schema.js";
import type { CaseEventSink, CaseTimers } from "./case-service.js";
import type { CaseStore } from "./case-store.js";
import { addWorkingTime } from "./working-hours.js";

/** Job data of the `cases` queue: the staff notification of a new case and its two SLA timers. */
export const caseJobSchema = z.object({
  kind: z.enum(["new-case", "sla-reminder", "sla-breach"]),
  caseId: z.string().min(1).max(32),
});
export type CaseJob = z.infer<typeof caseJobSchema>;

/** What the timers need; `work: false` only schedules (the jobs run in another instance). */
export interface CaseTimersDeps {
  readonly redisEndpoint: RedisEndpoint;
  /** REDIS_PREFIX; the queue lives under its `bullPrefix` like the channels' queues. */
  readonly prefix: string;
  readonly config: EscalationConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Each job re-reads its case: a first response or a close since scheduling means nothing to do. */
  readonly store: Pick<CaseStore, "get">;
  readonly events: CaseEventSink;
  readonly work?: boolean;
  /** A new case was queued for staff (the console shows it from the store; this is for pushes). */
  readonly onNew?: (c: LegalAidCase) => Promise<void> | void;
  /** The first response is due soon and not given yet. */
  readonly onReminder?: (c: LegalAidCase) => Promise<void> | void;
  /** The first response is overdue: escalated to supervisors. */
  readonly onBreach?: (c: LegalAidCase) => Promise<void> | void;
  /** How long before the deadline the reminder fires; default `config.reminderMinutes` (tests shorten it). */
  readonly reminderLeadMs?: number;
}

/** The running SLA timers; `queue` is the BullMQ `cases` queue (for inspection). */
export interface CaseTimersHandle extends CaseTimers {
  readonly queue: Queue;
  close(): Promise<void>;
}

const HOUR_MS = 3_600_000;
/** Fired jobs are kept this long, so re-scheduling an open case (on start) does not fire them again. */
const KEEP_FIRED_SECONDS = 180 * 86_400;

const jobIds = (caseId: string) => ({
  "new-case": jobId("new", caseId),
  "sla-reminder": jobId("reminder", caseId),
  "sla-breach": jobId("breach", caseId),
});

/** A first response was given, the case was closed or anonymized, or it is gone. */
function isSettled(c: LegalAidCase | undefined): boolean {
  return !c || c.status === "closed" || c.firstResponseAt !== undefined || c.anonymizedAt !== undefined;
}

/**
 * SLA timers on the BullMQ `cases` queue: per case a `new-case` job (staff notification) and
 * delayed `sla-reminder` (deadline − reminder lead) and `sla-breach` (deadline) jobs, with ids
 * from the case id so scheduling twice is a no-op. Delayed jobs live in Redis, so they survive
 * restarts. When a timer fires it re-reads the case and does nothing if it is settled; otherwise
 * it calls the hook and records an `sla-reminder` / `sla-breach` case event.
 */
export function createCaseTimers(deps: CaseTimersDeps): CaseTimersHandle {
  const log = deps.logger.child({ module: "case-timers" });
  const leadMs = deps.reminderLeadMs ?? deps.config.reminderMinutes * 60_000;

  async function run(job: CaseJob): Promise<void> {
    const c = await deps.store.get(job.caseId);
    if (job.kind === "new-case") {
      if (!c) return;
      log.info({ caseId: c.id, channel: c.channel, topic: c.topic }, "new legal-aid case queued for staff");
      await deps.onNew?.(c);
      return;
    }
    if (!c || isSettled(c)) {
      log.debug({ caseId: job.caseId, kind: job.kind }, "SLA timer fired on a settled case; nothing to do");
      return;
    }
    if (job.kind === "sla-reminder") {
      log.info({ caseId: c.id, dueAt: c.firstResponseDueAt }, "first response due soon");
      await deps.onReminder?.(c);
    } else {
      log.warn(
        { caseId: c.id, dueAt: c.firstResponseDueAt },
        "first response overdue: escalated to supervisors",
      );
      await deps.onBreach?.(c);
    }
    await deps.events.record(caseEvent(c, job.kind, deps.clock.now()));
  }

  const jobs = createJobQueue<CaseJob>({
    name: "cases",
    redisEndpoint: deps.redisEndpoint,
    prefix: deps.prefix,
    schema: caseJobSchema,
    process: run,
    concurrency: 4,
    attempts: 5,
    backoffMs: 2000,
    lockSeconds: 30,
    keepCompletedSeconds: KEEP_FIRED_SECONDS,
    work: deps.work,
    logger: log,
  });
  const { queue } = jobs;

  return {
    queue,
    dueAt(openedAt) {
      return addWorkingTime(openedAt, deps.config.firstResponseHours * HOUR_MS, deps.config);
    },
    async opened(c) {
      const ids = jobIds(c.id);
      const now = deps.clock.now().getTime();
      const due = Date.parse(c.firstResponseDueAt);
      const delay = (at: number) => Math.max(0, at - now);
      const add = (kind: CaseJob["kind"], delayMs: number) => ({
        name: kind,
        data: caseJobSchema.parse({ kind, caseId: c.id }),
        opts: { jobId: ids[kind], delay: delayMs },
      });
      // A job id that exists (waiting, delayed or kept after firing) makes its add a no-op.
      await queue.addBulk([
        add("new-case", 0),
        ...(isSettled(c) ? [] : [add("sla-reminder", delay(due - leadMs)), add("sla-breach", delay(due))]),
      ]);
    },
    async settled(caseId) {
      const ids = jobIds(caseId);
      for (const id of [ids["sla-reminder"], ids["sla-breach"]]) {
        // Only a pending job is dropped; a fired one stays as the record that it fired, and a
        // running one re-reads the case and finds it settled.
        const state = await queue.getJobState(id);
        if (state === "delayed" || state === "waiting" || state === "prioritized") await queue.remove(id);
      }
    },
    close: () => jobs.close(),
  };
}
