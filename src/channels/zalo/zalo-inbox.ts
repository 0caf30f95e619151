import os from "node:os";
import type { Redis } from "ioredis";
import type { Logger } from "../../logging/index.js";
import { isRedisUnavailable } from "../../redis/index.js";
import { batchPerTick } from "../outbound/index.js";
import { type ZaloInboundJob, zaloInboundJobSchema } from "./zalo-event.js";
import { zaloKeys } from "./zalo-keys.js";

/**
 * The Zalo webhook's durable acknowledgement: the events that arrive in one turn of the event loop
 * go into a Redis stream as one entry (one write, however many deliveries came at once), so each 200
 * goes back after a single cheap write. A mover in the worker instance takes the events from the
 * stream into the `inbound-zalo` BullMQ queue (job id = Zalo's msg_id, so moving twice is one job)
 * and only then acknowledges and deletes the entry; a mover killed mid-way leaves it pending, and
 * the next mover (or another instance, after `claimIdleMs`) moves it again.
 */
const GROUP = "mover";
/** An entry's fields: `n` (how many events) and `events` (their JSON array). */
const COUNT_FIELD = "n";
const EVENTS_FIELD = "events";
/** The one-event entries written before events were grouped; still read, never written. */
const LEGACY_FIELD = "event";

/** The inbox as the webhook and the metrics see it. */
export interface ZaloInbox {
  /** Resolves once Redis has the event; events added in the same turn share one entry. */
  append(event: ZaloInboundJob): Promise<void>;
  readonly name: "zalo-inbox";
  /** Events acknowledged to Zalo and not yet moved into the queue, counted like waiting jobs. */
  getJobCounts(): Promise<{ waiting: number }>;
}

export function zaloInbox(redis: Redis, prefix: string): ZaloInbox {
  const { inbox: key, inboxEvents: countKey } = zaloKeys(prefix);
  const append = batchPerTick<ZaloInboundJob>(async (events) => {
    const results = await redis
      .multi()
      .xadd(key, "*", COUNT_FIELD, String(events.length), EVENTS_FIELD, JSON.stringify(events))
      .incrby(countKey, events.length)
      .exec();
    const failed = results?.find(([error]) => error)?.[0];
    if (!results || failed) throw failed ?? new Error("the inbox write was discarded");
  });
  return {
    name: "zalo-inbox",
    getJobCounts: async () => ({ waiting: Math.max(0, Number(await redis.get(countKey))) }),
    append,
  };
}

type StreamEntries = [id: string, fields: string[] | null][];

export interface InboxMoverOptions {
  /** A connection of its own: the mover blocks on it. It is closed with the mover. */
  readonly redis: Redis;
  /** REDIS_PREFIX: the inbox is `zaloKeys(prefix).inbox`. */
  readonly prefix: string;
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
  const { redis, logger } = options;
  const { inbox: key, inboxEvents: countKey } = zaloKeys(options.prefix);
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
    let counted = 0;
    for (const [, fields] of entries) {
      if (!fields) continue; // deleted after it was read: already moved (and uncounted)
      const entry = readEntry(fields);
      counted += entry.counted;
      for (const raw of entry.events) {
        const parsed = zaloInboundJobSchema.safeParse(raw);
        if (parsed.success) events.push(parsed.data);
        else log.error({ issues: parsed.error.issues.length }, "unreadable event in the Zalo inbox: dropped");
      }
    }
    if (events.length) await options.move(events);
    const ids = entries.map(([id]) => id);
    await redis
      .multi()
      .xack(key, GROUP, ...ids)
      .xdel(key, ...ids)
      .decrby(countKey, counted)
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
        // An unreachable Redis is logged once by its client; the loop just tries again.
        if (!isRedisUnavailable(error))
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

/** An entry's events (unchecked JSON values) and how many of them the counter holds. */
function readEntry(fields: string[]): { events: unknown[]; counted: number } {
  const field = (name: string) => {
    for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
    return undefined;
  };
  const parse = (raw: string | undefined): unknown => {
    try {
      return raw === undefined ? undefined : JSON.parse(raw);
    } catch {
      return undefined;
    }
  };
  const legacy = field(LEGACY_FIELD);
  if (legacy !== undefined) return { events: [parse(legacy)], counted: 0 };
  const events = parse(field(EVENTS_FIELD));
  return { events: Array.isArray(events) ? events : [events], counted: Number(field(COUNT_FIELD)) || 0 };
}
