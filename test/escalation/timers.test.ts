import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import type { EscalationConfig } from "../../src/config/index.js";
import {
  type CaseEvent,
  type CaseStore,
  type CaseTimersHandle,
  createCaseTimers,
  type LegalAidCase,
  type NewCaseInput,
  redisCaseEvents,
  redisCaseStore,
} from "../../src/escalation/index.js";
import { createLogger } from "../../src/logging/index.js";
import { eventStreamKeys } from "../../src/redis/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

const config: EscalationConfig = {
  firstResponseHours: 8,
  reminderMinutes: 60,
  workdayStart: "07:30",
  workdayEnd: "17:00",
  holidays: [],
  retentionDays: 365,
};
const clock = { now: () => new Date() };
const logger = createLogger("silent");

let redis: Redis;
let prefix: string;
let store: CaseStore;
let open: CaseTimersHandle[];
let reminded: string[];
let breached: string[];

beforeAll(() => {
  redis = redisClient();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(() => {
  prefix = randomName("timers");
  store = redisCaseStore(redis, { prefix, clock });
  open = [];
  reminded = [];
  breached = [];
});
afterEach(async () => {
  await Promise.all(open.map((t) => t.close()));
  await deleteKeys(redis, prefix);
});

function timers(options: { work?: boolean } = {}): CaseTimersHandle {
  const t = createCaseTimers({
    redisEndpoint: { url: inject("redisUrl") },
    prefix,
    config,
    logger,
    clock,
    store,
    events: redisCaseEvents(redis, prefix, { maxLen: 1000 }),
    work: options.work,
    reminderLeadMs: 300,
    onReminder: (c) => void reminded.push(c.id),
    onBreach: (c) => void breached.push(c.id),
  });
  open.push(t);
  return t;
}

async function newCase(dueInMs: number): Promise<LegalAidCase> {
  const input: NewCaseInput = {
    channel: "zalo",
    citizenKey: "k_timers",
    conversationId: "zl-123",
    contactPreference: "chat",
    commune: "Phường Tân Phong",
    topic: "dat-dai",
    description: "Tranh chấp ranh giới đất với hàng xóm.",
    eligibility: { result: "likely-eligible", answers: { hoNgheo: true, treEm: false } },
    firstResponseDueAt: new Date(Date.now() + dueInMs).toISOString(),
  };
  return store.create(input);
}

async function events(): Promise<CaseEvent[]> {
  const entries = await redis.xrange(eventStreamKeys.cases(prefix), "-", "+");
  return entries.map(([, fields]) => {
    expect(fields[0]).toBe("e");
    return JSON.parse(fields[1] ?? "") as CaseEvent;
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("createCaseTimers", () => {
  it("computes the deadline on the working clock", () => {
    const due = timers({ work: false }).dueAt(new Date("2026-11-27T16:30:00+07:00"));
    expect(due.toISOString()).toBe(new Date("2026-11-30T15:00:00+07:00").toISOString());
  });

  it("queues one staff notification and one pair of SLA jobs, however often a case is opened", async () => {
    const t = timers({ work: false });
    const c = await newCase(3_600_000);
    await t.opened(c);
    await t.opened(c);
    await t.opened(await store.get(c.id).then((x) => x as LegalAidCase));
    const counts = await t.queue.getJobCounts("waiting", "delayed", "active", "completed");
    expect(counts).toEqual({ waiting: 1, delayed: 2, active: 0, completed: 0 });
    const delayed = await t.queue.getJobs(["delayed"]);
    const byName = Object.fromEntries(delayed.map((j) => [j.name, j.timestamp + (j.opts.delay ?? 0)]));
    const due = Date.parse(c.firstResponseDueAt);
    expect(byName["sla-breach"]).toBeGreaterThanOrEqual(due - 50);
    expect(byName["sla-breach"]).toBeLessThanOrEqual(due + 50);
    expect(byName["sla-reminder"]).toBeGreaterThanOrEqual(due - 300 - 50);
    expect(byName["sla-reminder"]).toBeLessThanOrEqual(due - 300 + 50);
  });

  it("drops the pending SLA jobs of a settled case and does not schedule them again", async () => {
    const t = timers({ work: false });
    const c = await newCase(3_600_000);
    await t.opened(c);
    await t.settled(c.id);
    expect(await t.queue.getJobCounts("waiting", "delayed")).toEqual({ waiting: 1, delayed: 0 });
    const closed = await store.close(c.id, "canbo1", "answered");
    await t.opened(closed);
    expect(await t.queue.getJobCounts("delayed")).toEqual({ delayed: 0 });
  });

  it("reminds, then escalates a case whose first response is overdue, and records both events", async () => {
    const t = timers();
    const c = await newCase(700);
    await t.opened(c);
    await vi.waitFor(
      async () => expect((await events()).map((e) => e.type)).toEqual(["sla-reminder", "sla-breach"]),
      {
        timeout: 5000,
        interval: 100,
      },
    );
    expect(reminded).toEqual([c.id]);
    expect(breached).toEqual([c.id]);
    const breach = (await events())[1];
    expect(breach).toMatchObject({
      type: "sla-breach",
      channel: "zalo",
      topic: "dat-dai",
      eligibility: "likely-eligible",
      groups: ["hoNgheo"],
    });
    expect(JSON.stringify(breach)).not.toContain("Tranh chấp");
  });

  it("fires nothing for a case answered or closed before its deadline", async () => {
    const t = timers();
    const answered = await newCase(600);
    const closed = await newCase(600);
    await t.opened(answered);
    await t.opened(closed);
    // Settled in the store only (settled() not called): the timers re-read the case when they fire.
    await store.claim(answered.id, "canbo1");
    await store.addNote(answered.id, { kind: "reply", by: "canbo1", text: "Dạ, cán bộ đã nhận hồ sơ." });
    await store.close(closed.id, "canbo1", "duplicate");
    await vi.waitFor(async () => expect(await t.queue.getJobCounts("completed")).toEqual({ completed: 6 }), {
      timeout: 5000,
      interval: 100,
    });
    expect(await events()).toEqual([]);
    expect([...reminded, ...breached]).toEqual([]);
  });

  it("keeps delayed jobs across a restart: a new timers object fires what the old one scheduled", async () => {
    const before = timers();
    const c = await newCase(1200);
    await before.opened(c);
    await before.close();
    await sleep(1500);
    expect(await events()).toEqual([]);
    const after = timers();
    await vi.waitFor(
      async () => expect((await events()).map((e) => e.type)).toEqual(["sla-reminder", "sla-breach"]),
      {
        timeout: 5000,
        interval: 100,
      },
    );
    expect(breached).toEqual([c.id]);
    await after.opened(c);
    await sleep(300);
    expect(await events()).toHaveLength(2);
  });
});

describe("redisCaseEvents", () => {
  it("never throws when Redis is unreachable; the failure goes to onError", async () => {
    const down = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    down.on("error", () => {});
    const errors: unknown[] = [];
    const sink = redisCaseEvents(down, prefix, { maxLen: 10, onError: (err) => errors.push(err) });
    const event: CaseEvent = {
      at: new Date().toISOString(),
      type: "created",
      channel: "web",
      topic: "dat-dai",
      eligibility: "unclear",
      groups: [],
    };
    await expect(sink.record(event)).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    down.disconnect();
  });

  it("keeps the stream bounded", async () => {
    const sink = redisCaseEvents(redis, prefix, { maxLen: 10 });
    const event = {
      at: new Date().toISOString(),
      type: "created",
      channel: "web",
      topic: "x",
      eligibility: "unclear",
      groups: [],
    } as const;
    for (let i = 0; i < 500; i++) await sink.record(event);
    expect(await redis.xlen(eventStreamKeys.cases(prefix))).toBeLessThan(200);
  });
});
