import os from "node:os";
import type { Redis } from "ioredis";
import type { Logger } from "../../logging/index.js";
import { batchPerTick } from "../outbound/index.js";
import { type ZaloInboundJob, zaloInboundJobSchema } from "./zalo-event.js";

/**
 * The Zalo webhook's durable acknowledgement: one XADD per event into a Redis stream, so the 200
 * goes back after a single cheap write. A mover in the worker instance takes the events from the
 * stream into the `inbound-zalo` BullMQ queue (job id = Zalo's msg_id, so moving twice is one job)
 * and only then acknowledges and deletes them; a mover killed mid-way leaves them pending, and
 * the next mover (or another instance, after `claimIdleMs`) moves them again.
 */
export function zaloInboxKey(prefix: string): string {
  return `${prefix}:zalo:inbox`;
}

const GROUP = "mover";
const FIELD = "event";

/** The inbox as the webhook and the metrics see it. */
export interface ZaloInbox {
  /** Resolves once Redis has the event; adds in the same turn of the event loop share one pipeline. */
  append(event: ZaloInboundJob): Promise<void>;
  readonly name: "zalo-inbox";
  /** Events acknowledged to Zalo and not yet moved into the queue, counted like waiting jobs. */
  getJobCounts(): Promise<{ waiting: number }>;
}

export function zaloInbox(redis: Redis, key: string): ZaloInbox {
  const append = batchPerTick<ZaloInboundJob>(async (events) => {
    const pipeline = redis.pipeline();
    for (const event of events) pipeline.xadd(key, "*", FIELD, JSON.stringify(event));
    const results = await pipeline.exec();
    return results
      ? results.map(([error]) => error ?? undefined)
      : events.map(() => new Error("Redis pipeline was not run"));
  });
  return {
    name: "zalo-inbox",
    getJobCounts: async () => ({ waiting: await redis.xlen(key) }),
    append,
  };
}

type StreamEntries = [id: string, fields: string[] | null][];

export interface InboxMoverOptions {
  /** A connection of its own: the mover blocks on it. It is closed with the mover. */
  readonly redis: Redis;
  readonly key: string;
  /** Puts the events into the queue; resolves once they are durably there. */
  readonly move: (events: ZaloInboundJob[]) => Promise<void>;
  readonly logger: Logger;
  /** Stable across restarts of one instance, so its own pending events are taken up at once. */
  readonly consumer?: string;
  /** Events left pending this long by another consumer (a dead instance) are taken over. */
  readonly claimIdleMs?: number;
  readonly blockMs?: number;
  readonly batch?: number;
}

/** Moves events from the inbox stream into the inbound queue until closed. */
export async function startInboxMover(options: InboxMoverOptions): Promise<{ close(): Promise<void> }> {
  const { redis, key, logger } = options;
  const consumer = options.consumer ?? os.hostname();
  const claimIdleMs = options.claimIdleMs ?? 30_000;
  const blockMs = options.blockMs ?? 1_000;
  const count = options.batch ?? 500;
  const log = logger.child({ inbox: key });
  try {
    await redis.xgroup("CREATE", key, GROUP, "0", "MKSTREAM");
  } catch (error) {
    if (!String((error as Error).message).includes("BUSYGROUP")) throw error;
  }

  let stopping = false;
  let lastClaim = 0;
  let ownPending = true;

  async function moveEntries(entries: StreamEntries): Promise<void> {
    if (entries.length === 0) return;
    const events: ZaloInboundJob[] = [];
    for (const [, fields] of entries) {
      if (!fields) continue; // deleted after it was read: already moved
      const raw = fields[fields.indexOf(FIELD) + 1];
      const parsed = zaloInboundJobSchema.safeParse(raw === undefined ? undefined : JSON.parse(raw));
      if (parsed.success) events.push(parsed.data);
      else log.error({ issues: parsed.error.issues.length }, "unreadable event in the Zalo inbox: dropped");
    }
    if (events.length) await options.move(events);
    const ids = entries.map(([id]) => id);
    await redis
      .multi()
      .xack(key, GROUP, ...ids)
      .xdel(key, ...ids)
      .exec();
  }

  async function step(): Promise<void> {
    // Our own pending events first (after a restart of this instance or a failed move), then events
    // others left behind. Once none are left, only a failure can leave more: no need to ask each time.
    if (ownPending) {
      const own = (await redis.xreadgroup("GROUP", GROUP, consumer, "COUNT", count, "STREAMS", key, "0")) as
        | [string, StreamEntries][]
        | null;
      const mine = own?.[0]?.[1] ?? [];
      if (mine.length) return moveEntries(mine);
      ownPending = false;
    }
    if (Date.now() - lastClaim >= Math.min(claimIdleMs, 10_000)) {
      lastClaim = Date.now();
      const claimed = (await redis.xautoclaim(key, GROUP, consumer, claimIdleMs, "0", "COUNT", count)) as [
        string,
        StreamEntries,
      ];
      const taken = (claimed?.[1] ?? []).filter((e) => e?.[1]);
      if (taken.length) return moveEntries(taken);
    }
    const fresh = (await redis.xreadgroup(
      "GROUP",
      GROUP,
      consumer,
      "COUNT",
      count,
      "BLOCK",
      blockMs,
      "STREAMS",
      key,
      ">",
    )) as [string, StreamEntries][] | null;
    await moveEntries(fresh?.[0]?.[1] ?? []);
  }

  const loop = (async () => {
    while (!stopping) {
      try {
        await step();
      } catch (error) {
        if (stopping) break;
        // The events stay pending in the stream: nothing is lost, the next step tries again.
        ownPending = true;
        log.warn({ err: (error as Error).message }, "moving Zalo events into the queue failed; retrying");
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();

  return {
    async close() {
      stopping = true;
      redis.disconnect();
      // A move in flight finishes or fails on its own; its events stay pending if it does not ack.
      await Promise.race([loop, new Promise((r) => setTimeout(r, 2_000).unref())]);
    },
  };
}
