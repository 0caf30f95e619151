import { type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import type { z } from "zod";
import type { Logger } from "../../logging/index.js";
import { bullConnection, bullPrefix, isRedisUnavailable, type RedisEndpoint } from "../../redis/index.js";
import { batchPerTick } from "./batch-per-tick.js";

/** How a queue runs its jobs; one per platform and direction (inbound, outbound). */
export interface JobQueueOptions<T> {
  /** Queue name, e.g. `outbound-telegram`. */
  readonly name: string;
  readonly redisEndpoint: RedisEndpoint;
  /** REDIS_PREFIX (tests randomize it); BullMQ's keys live under its `bullPrefix`. */
  readonly prefix: string;
  /** Job data is checked on the way in and on the way out. */
  readonly schema: z.ZodType<T>;
  readonly process: (data: T, job: Job) => Promise<void>;
  readonly concurrency: number;
  readonly attempts: number;
  /** First retry delay; doubles on each attempt. */
  readonly backoffMs: number;
  /** A job whose worker died is taken up again after about this long (kill -9). */
  readonly lockSeconds: number;
  /** At most `max` jobs started per `duration` ms across every instance. */
  readonly limiter?: { readonly max: number; readonly duration: number };
  /** Completed jobs are kept this long, so a duplicate job id within it is ignored. */
  readonly keepCompletedSeconds?: number;
  /** Told of each failed attempt; `final` when no retry is left (the job is kept for staff). */
  readonly onFailed?: (final: boolean) => void;
  /** Start a worker in this process (default true). */
  readonly work?: boolean;
  readonly logger: Logger;
}

/** A durable BullMQ queue with its worker: retries with exponential backoff, failed jobs kept. */
export interface JobQueue<T> {
  /** Adds a job once: a second add with the same id (while the first is kept) is a no-op. */
  add(id: string, data: T): Promise<void>;
  readonly queue: Queue;
  close(): Promise<void>;
}

/** BullMQ ids may not contain ":"; anything outside [A-Za-z0-9_-] becomes "_". */
export function jobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, "_")).join("-");
}

/** Errors carrying `permanent: true` are not retried. */
function isPermanent(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { permanent?: unknown }).permanent === true;
}

export function createJobQueue<T>(options: JobQueueOptions<T>): JobQueue<T> {
  const log = options.logger.child({ queue: options.name });
  // Adding fails at once while Redis is down (no offline queue), so a request never waits on it.
  const queueConnection = bullConnection(options.redisEndpoint, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: false,
  });
  // A worker's cluster client is duplicated for BullMQ's blocking reads, which refuse a maxRetriesPerRequest;
  // options for one server BullMQ adjusts itself.
  const cluster = options.redisEndpoint.clusterNodes !== undefined;
  const workerConnection =
    options.work === false
      ? undefined
      : bullConnection(options.redisEndpoint, cluster ? { maxRetriesPerRequest: null } : {});
  const queue = new Queue(options.name, {
    connection: queueConnection.connection,
    prefix: bullPrefix(options.prefix, options.name),
    defaultJobOptions: {
      attempts: options.attempts,
      backoff: { type: "exponential", delay: options.backoffMs },
      removeOnComplete: { age: options.keepCompletedSeconds ?? 86_400, count: 100_000 },
      removeOnFail: false,
    },
  });
  // An unreachable Redis is logged once by the app's client, not by each of BullMQ's connections.
  const onError = (what: string) => (err: Error) => {
    if (!isRedisUnavailable(err)) log.warn({ err: err.message }, what);
  };
  queue.on("error", onError("queue connection error"));

  const worker =
    options.work === false
      ? undefined
      : new Worker(
          options.name,
          async (job: Job) => {
            const parsed = options.schema.safeParse(job.data);
            if (!parsed.success) throw new UnrecoverableError(`invalid job data: ${parsed.error.message}`);
            try {
              await options.process(parsed.data, job);
            } catch (error) {
              // An error that says no retry can help (e.g. Zalo's -213 "not a follower") ends the job now.
              if (isPermanent(error)) throw new UnrecoverableError((error as Error).message);
              throw error;
            }
          },
          {
            connection: (workerConnection ?? queueConnection).connection,
            prefix: bullPrefix(options.prefix, options.name),
            concurrency: options.concurrency,
            limiter: options.limiter,
            lockDuration: options.lockSeconds * 1000,
            stalledInterval: options.lockSeconds * 1000,
            maxStalledCount: 3,
          },
        );
  worker?.on("error", onError("worker error"));
  worker?.on("failed", (job, err) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
    log[final ? "error" : "warn"](
      { jobId: job?.id, attempt: job?.attemptsMade, err: err.message },
      final ? "job failed; kept for staff" : "job failed; will retry",
    );
    options.onFailed?.(final);
  });

  // Adds arriving in the same turn of the event loop go to Redis as one addBulk.
  const addInBatch = batchPerTick<{ id: string; data: T }>(async (batch) => {
    await queue.addBulk(batch.map((b) => ({ name: options.name, data: b.data, opts: { jobId: b.id } })));
  });

  return {
    queue,
    add(id, data) {
      return addInBatch({ id, data: options.schema.parse(data) });
    },
    async close() {
      await worker?.close();
      await queue.close();
      await workerConnection?.close();
      await queueConnection.close();
    },
  };
}
