import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import type { ZaloInboundJob } from "../../src/channels/zalo/zalo-event.js";
import { startInboxMover, zaloInbox } from "../../src/channels/zalo/zalo-inbox.js";
import { zaloKeys } from "../../src/channels/zalo/zalo-keys.js";
import { createLogger } from "../../src/logging/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

const logger = createLogger("silent");
const event = (n: number): ZaloInboundJob => ({
  eventId: `msg${n}`,
  kind: "text",
  userId: "2468458835296117922",
  text: `câu hỏi số ${n}`,
  timestampMs: 1_712_000_000_000 + n,
});

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function setup() {
  const prefix = randomName("inbox");
  const redis = redisClient();
  cleanups.push(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });
  return { redis, prefix, key: zaloKeys(prefix).inbox };
}
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A mover that records what it moves; closed after the test. */
async function recordingMover(
  redis: Redis,
  prefix: string,
  options: { consumer?: string; claimIdleMs?: number } = {},
) {
  const moved: ZaloInboundJob[] = [];
  const mover = await startInboxMover({
    redis: redis.duplicate(),
    prefix,
    move: async (events) => {
      moved.push(...events);
    },
    logger,
    blockMs: 100,
    ...options,
  });
  cleanups.push(() => mover.close());
  return { moved, close: () => mover.close() };
}

/** A mover that reads the inbox and dies before its events are in the queue (kill -9 between read and ack). */
async function readAndDie(redis: Redis, prefix: string, consumer: string): Promise<void> {
  let release: (() => void) | undefined;
  const mover = await startInboxMover({
    redis: redis.duplicate(),
    prefix,
    consumer,
    move: () =>
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    logger,
    blockMs: 100,
  });
  await until(() => release !== undefined, `${consumer} to read the inbox`);
  const closing = mover.close();
  release?.(); // its connection is gone: the acknowledgement never reaches Redis
  await closing;
}

describe("the Zalo inbox (the webhook's durable acknowledgement)", () => {
  it("keeps appended events until a mover has put them in the queue, then removes them", async () => {
    const { redis, prefix, key } = setup();
    const inbox = zaloInbox(redis, prefix);
    await Promise.all([1, 2, 3].map((n) => inbox.append(event(n))));
    // Appended in one turn of the event loop: one entry (one write), three events counted.
    expect(await redis.xlen(key)).toBe(1);
    expect(await inbox.getJobCounts()).toEqual({ waiting: 3 });

    const { moved } = await recordingMover(redis, prefix);
    await until(() => moved.length === 3, "three moved events");
    expect(moved).toEqual([event(1), event(2), event(3)]);
    await until(async () => (await inbox.getJobCounts()).waiting === 0, "the inbox to empty");

    await inbox.append(event(4));
    await until(() => moved.length === 4, "an event appended while the mover waits");
    expect(moved[3]).toEqual(event(4));
  });

  it("moves one-event entries left by the earlier format and drops an unreadable entry without stopping", async () => {
    const { redis, prefix, key } = setup();
    const inbox = zaloInbox(redis, prefix);
    await redis.xadd(key, "*", "event", JSON.stringify(event(1)));
    await redis
      .multi()
      .xadd(key, "*", "n", "1", "events", "{not json")
      .incrby(zaloKeys(prefix).inboxEvents, 1)
      .exec();
    await inbox.append(event(2));
    const { moved } = await recordingMover(redis, prefix);
    await until(() => moved.length === 2, "the readable events to move");
    expect(moved).toEqual([event(1), event(2)]);
    await until(async () => (await redis.xlen(key)) === 0, "the inbox to empty");
    // The unreadable entry was counted when written and uncounted when dropped; the legacy one never.
    expect(await redis.get(zaloKeys(prefix).inboxEvents)).toBe("0");
  });

  it("keeps events whose move failed and moves them again", async () => {
    const { redis, prefix, key } = setup();
    await zaloInbox(redis, prefix).append(event(1));
    let attempts = 0;
    const moved: ZaloInboundJob[] = [];
    const mover = await startInboxMover({
      redis: redis.duplicate(),
      prefix,
      move: async (events) => {
        attempts += 1;
        if (attempts === 1) throw new Error("queue unavailable");
        moved.push(...events);
      },
      logger,
      blockMs: 100,
    });
    cleanups.push(() => mover.close());
    await until(() => moved.length === 1, "the retried move");
    expect(attempts).toBe(2);
    expect(moved).toEqual([event(1)]);
    await until(async () => (await redis.xlen(key)) === 0, "the inbox to empty");
  });

  it("after a mover dies mid-move, the same instance moves its pending events at once and another takes them over when idle", async () => {
    const { redis, prefix, key } = setup();
    const inbox = zaloInbox(redis, prefix);
    await inbox.append(event(1));
    await readAndDie(redis, prefix, "worker-a");
    expect(await redis.xlen(key)).toBe(1);

    // The same instance restarted: its own pending event is moved without waiting.
    const restarted = await recordingMover(redis, prefix, { consumer: "worker-a", claimIdleMs: 60_000 });
    const again = restarted.moved;
    await until(() => again.length === 1, "the restarted mover to move its pending event");
    expect(again).toEqual([event(1)]);
    await restarted.close();

    // Another instance takes over what a dead one left once it has been idle long enough.
    await inbox.append(event(2));
    await readAndDie(redis, prefix, "worker-b");
    const { moved: other } = await recordingMover(redis, prefix, { consumer: "worker-c", claimIdleMs: 200 });
    await until(() => other.length === 1, "worker-c to take over event 2");
    expect(other).toEqual([event(2)]);
    await until(async () => (await redis.xlen(key)) === 0, "the inbox to empty");
  });

  it("rejects an append Redis did not take, so the webhook answers 503 and Zalo delivers again", async () => {
    const down = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    cleanups.push(async () => down.disconnect());
    await expect(zaloInbox(down, "x").append(event(1))).rejects.toThrow();
  });
});
