import os from "node:os";
import type { Redis } from "ioredis";
import type { Logger } from "../logging/index.js";
import { isRedisUnavailable } from "../redis/index.js";
import { metricsKeys, ROLLUP_GROUP } from "./metrics-keys.js";
import { type EventSource, rollupOps } from "./rollup-ops.js";
import { applyRollupBatch, type RollupEntry } from "./rollup-script.js";

/** A raw stream entry as ioredis returns it: id and flat field/value list. */
export type StreamEntry = [id: string, fields: string[]];

/** Keeps the daily rollups current from the usage, case and call streams. */
export interface MetricsIngester {
  /** Creates the consumer groups, then reads and counts new entries until `stop`. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Counts everything readable now (own and stale pending entries, then new ones); resolves with how many were new. */
  drain(): Promise<number>;
  /** Counts the given entries of one source; entries already counted are skipped. */
  apply(source: EventSource, entries: readonly StreamEntry[]): Promise<number>;
  /** Drops raw events older than the retention period (XTRIM MINID); rollups stay. */
  trim(now?: Date): Promise<void>;
}

/** What the ingester needs; defaults suit production. */
export interface MetricsIngesterDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly retentionDays: number;
  readonly logger?: Logger;
  /** Unique per process (default host-pid); a dead consumer's entries are claimed by another. */
  readonly consumer?: string;
  readonly batchSize?: number;
  /** Distinct unanswered samples kept per day. */
  readonly sampleCap?: number;
  /** How long a day's session set lives after its last new session (conversation counting). */
  readonly sessionTtlSeconds?: number;
  /** Questions one session counts toward the totals per hour; more are counted apart and the session flagged. */
  readonly questionsPerSessionHour?: number;
  /** The same per network (web chat and public API), so rotating session ids does not get around it. */
  readonly questionsPerAddressHour?: number;
  /** Pending entries idle this long are taken over from their (presumed dead) consumer. */
  readonly claimIdleMs?: number;
  readonly blockMs?: number;
  readonly trimEveryMs?: number;
}

const DAY_MS = 86_400_000;

/** No cap: every question counts (the app passes the configured caps, METRICS_QUESTIONS_PER_*_HOUR). */
const UNCAPPED = Number.MAX_SAFE_INTEGER;

/**
 * A consumer group (`metrics-rollup`) over the three streams. Counting is at-least-once
 * delivery made exactly-once by the rollup script (each entry's XACK and its increments in one
 * atomic script), so several app instances may each run an ingester: Redis hands each entry to
 * one of them, and a crashed one's entries are claimed after `claimIdleMs` and counted once.
 * Chosen over counting inside the sinks' XADD because the engine and case sinks stay untouched
 * and a rollup bug can be fixed by replaying the raw events into fresh rollups.
 */
export function createMetricsIngester(deps: MetricsIngesterDeps): MetricsIngester {
  const consumer = deps.consumer ?? `${os.hostname()}-${process.pid}`;
  const batchSize = deps.batchSize ?? 500;
  const options = {
    sampleCap: deps.sampleCap ?? 1000,
    sessionTtlSeconds: deps.sessionTtlSeconds ?? 3 * 86_400,
    questionsPerSessionHour: deps.questionsPerSessionHour ?? UNCAPPED,
    questionsPerAddressHour: deps.questionsPerAddressHour ?? UNCAPPED,
  };
  const streams: Record<EventSource, string> = {
    usage: metricsKeys.usageStream(deps.prefix),
    case: metricsKeys.caseStream(deps.prefix),
    call: metricsKeys.callStream(deps.prefix),
  };
  const sources = Object.keys(streams) as EventSource[];
  const log = deps.logger;
  let groupsReady = false;
  let running = false;
  let reader: Redis | undefined;
  let loop: Promise<void> | undefined;

  async function ensureGroups(): Promise<void> {
    if (groupsReady) return;
    for (const key of Object.values(streams)) {
      try {
        await deps.redis.xgroup("CREATE", key, ROLLUP_GROUP, "0", "MKSTREAM");
      } catch (err) {
        if (!String((err as Error).message).includes("BUSYGROUP")) throw err;
      }
    }
    groupsReady = true;
  }

  async function apply(source: EventSource, entries: readonly StreamEntry[]): Promise<number> {
    let applied = 0;
    for (let i = 0; i < entries.length; i += batchSize) {
      const batch: RollupEntry[] = entries.slice(i, i + batchSize).map(([id, fields]) => ({
        id,
        ops: rollupOps(deps.prefix, source, id, fieldValue(fields, "e")),
      }));
      applied += await applyRollupBatch(deps.redis, streams[source], ROLLUP_GROUP, batch, options);
    }
    return applied;
  }

  /** Reads one batch per stream with `id` (">" new, "0" own pending); resolves with entries read. */
  async function readOnce(
    client: Redis,
    id: string,
    blockMs?: number,
  ): Promise<{ read: number; applied: number }> {
    const block = blockMs ? ["BLOCK", blockMs] : [];
    const keys = Object.values(streams);
    const reply = (await client.xreadgroup(
      "GROUP",
      ROLLUP_GROUP,
      consumer,
      "COUNT",
      batchSize,
      ...(block as ["BLOCK", number]),
      "STREAMS",
      ...keys,
      ...keys.map(() => id),
    )) as [string, StreamEntry[]][] | null;
    let read = 0;
    let applied = 0;
    for (const [key, entries] of reply ?? []) {
      const source = sources.find((s) => streams[s] === key);
      if (!source || entries.length === 0) continue;
      read += entries.length;
      applied += await apply(source, entries);
    }
    return { read, applied };
  }

  /** Takes over entries left pending by a consumer that stopped; trimmed ones are acknowledged. */
  async function claimStale(minIdleMs: number): Promise<number> {
    let applied = 0;
    for (const source of sources) {
      let cursor = "0-0";
      do {
        const [next, entries, deleted] = (await deps.redis.xautoclaim(
          streams[source],
          ROLLUP_GROUP,
          consumer,
          minIdleMs,
          cursor,
          "COUNT",
          batchSize,
        )) as [string, StreamEntry[], string[]?];
        applied += await apply(
          source,
          entries.filter((e) => e && Array.isArray(e[1])),
        );
        if (deleted?.length) await deps.redis.xack(streams[source], ROLLUP_GROUP, ...deleted);
        cursor = next;
      } while (cursor !== "0-0");
    }
    return applied;
  }

  async function drain(): Promise<number> {
    await ensureGroups();
    let applied = await claimStale(deps.claimIdleMs ?? 60_000);
    for (;;) {
      const own = await readOnce(deps.redis, "0");
      applied += own.applied;
      if (own.read === 0) break;
    }
    for (;;) {
      const fresh = await readOnce(deps.redis, ">");
      applied += fresh.applied;
      if (fresh.read === 0) break;
    }
    return applied;
  }

  async function trim(now = new Date()): Promise<void> {
    const cutoff = now.getTime() - deps.retentionDays * DAY_MS;
    for (const key of Object.values(streams)) {
      // Exact, not "~": runs hourly, so each call deletes about an hour of entries.
      await deps.redis.xtrim(key, "MINID", `${cutoff}-0`);
    }
  }

  async function run(): Promise<void> {
    let lastTrim = 0;
    while (running) {
      try {
        if (Date.now() - lastTrim > (deps.trimEveryMs ?? 3_600_000)) {
          lastTrim = Date.now();
          await trim();
          await claimStale(deps.claimIdleMs ?? 60_000);
        }
        if (reader) await readOnce(reader, ">", deps.blockMs ?? 2000);
      } catch (err) {
        if (!running) break;
        // An unreachable Redis is logged once by its client; the loop just tries again.
        if (!isRedisUnavailable(err))
          log?.warn({ err: (err as Error).message }, "metrics ingestion failed; retrying");
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  return {
    apply,
    drain,
    trim,
    async start() {
      if (running) return;
      await ensureGroups();
      await drain();
      running = true;
      reader = deps.redis.duplicate();
      loop = run();
    },
    async stop() {
      running = false;
      reader?.disconnect();
      await loop;
      reader = undefined;
      loop = undefined;
    },
  };
}

function fieldValue(fields: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
