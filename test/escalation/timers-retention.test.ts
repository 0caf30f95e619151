import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import {
  type CaseStore,
  type NewCaseInput,
  type RetentionJob,
  redisCaseStore,
  runRetentionOnce,
  startRetentionJob,
} from "../../src/escalation/index.js";
import { createLogger } from "../../src/logging/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

const DAY = 86_400_000;
const logger = createLogger("silent");
let redis: Redis;
let prefix: string;
let now: Date;
let store: CaseStore;
let jobs: RetentionJob[];
const clock = { now: () => now };

function input(): NewCaseInput {
  return {
    channel: "web",
    citizenKey: "k_retention",
    conversationId: "sess_retention",
    contactPreference: "phone",
    phone: "0912345678",
    commune: "Xã Tân Lợi",
    topic: "hon-nhan",
    description: "Tôi muốn ly hôn nhưng chồng không đồng ý.",
    eligibility: { result: "unclear", answers: { nguoiKhuyetTat: true } },
    transcript: [{ role: "citizen", text: "gặp cán bộ", at: now.toISOString() }],
    firstResponseDueAt: new Date(now.getTime() + DAY).toISOString(),
  };
}

/** A case opened and closed at `at`. */
async function closedAt(at: string): Promise<string> {
  now = new Date(at);
  const c = await store.create(input());
  await store.close(c.id, "canbo1", "answered");
  return c.id;
}

beforeAll(() => {
  redis = redisClient();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(() => {
  prefix = randomName("retention");
  store = redisCaseStore(redis, { prefix, clock });
  jobs = [];
});
afterEach(async () => {
  await Promise.all(jobs.map((j) => j.close()));
  await deleteKeys(redis, prefix);
});

describe("retention", () => {
  it("anonymizes only cases closed longer ago than the retention period, in batches, audited", async () => {
    const old = [
      await closedAt("2025-01-10T03:00:00.000Z"),
      await closedAt("2025-06-01T03:00:00.000Z"),
      await closedAt("2025-11-25T03:00:00.000Z"),
    ];
    const recent = await closedAt("2025-11-27T03:00:00.000Z");
    now = new Date("2025-01-05T03:00:00.000Z");
    const stillOpen = (await store.create(input())).id;

    now = new Date("2026-11-26T03:00:00.000Z");
    expect(await runRetentionOnce({ store, retentionDays: 365, clock, logger, batchSize: 2 })).toBe(3);
    for (const id of old) {
      const c = await store.get(id);
      expect(c?.anonymizedAt).toBe(now.toISOString());
      expect(c?.description).toBe("");
      expect(c?.phone).toBeUndefined();
      expect((await store.audit(id)).at(-1)).toMatchObject({ by: "retention", action: "anonymized" });
    }
    for (const id of [recent, stillOpen]) {
      const c = await store.get(id);
      expect(c?.anonymizedAt).toBeUndefined();
      expect(c?.description).toBe("Tôi muốn ly hôn nhưng chồng không đồng ý.");
    }
    expect(await runRetentionOnce({ store, retentionDays: 365, clock, logger })).toBe(0);
  });

  it("keeps one daily schedule at 02:00 Vietnam time however often it is started", async () => {
    const deps = {
      store,
      retentionDays: 365,
      clock,
      logger,
      redisEndpoint: { url: inject("redisUrl") },
      prefix,
      work: false,
    };
    const first = await startRetentionJob(deps);
    jobs.push(first, await startRetentionJob(deps));
    expect(await first.queue.getJobSchedulersCount()).toBe(1);
    const [scheduler] = await first.queue.getJobSchedulers();
    expect(scheduler).toMatchObject({ key: "retention-daily", pattern: "0 2 * * *", tz: "Asia/Ho_Chi_Minh" });
  });

  it("runs the pass when the schedule fires", async () => {
    const old = await closedAt("2025-01-10T03:00:00.000Z");
    now = new Date("2026-11-26T03:00:00.000Z");
    const job = await startRetentionJob({
      store,
      retentionDays: 365,
      clock,
      logger,
      redisEndpoint: { url: inject("redisUrl") },
      prefix,
      pattern: "* * * * * *",
    });
    jobs.push(job);
    await vi.waitFor(async () => expect((await store.get(old))?.anonymizedAt).toBeDefined(), {
      timeout: 8000,
      interval: 200,
    });
  });
});
