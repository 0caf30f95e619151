// A Redis Cluster refuses (CROSSSLOT) a script whose declared keys lie in different hash slots. This
// runs every module's scripts with REDIS_CLUSTER_HASH_TAGS on and checks the keys of each call the
// way a cluster would (the standalone test Redis has no CLUSTER KEYSLOT).
import calculateSlot from "cluster-key-slot";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisChatPacer } from "../../src/channels/outbound/index.js";
import { redisWebInbox } from "../../src/channels/web/index.js";
import { redisZaloLastInbound } from "../../src/channels/zalo/index.js";
import { loadConfig } from "../../src/config/index.js";
import { redisFaqFiles } from "../../src/curation/index.js";
import { redisCaseStore, StaffAccounts } from "../../src/escalation/index.js";
import { rollupOps } from "../../src/metrics/rollup-ops.js";
import { applyRollupBatch } from "../../src/metrics/rollup-script.js";
import { eventStreamKeys, redisKeys, withRedisLock } from "../../src/redis/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

type Call = { script: string; keys: string[] };

let redis: Redis;
let prefix: string;
const calls: Call[] = [];

/** Records the declared keys of every script call the client sends (EVALSHA, or EVAL on first use). */
function recordScriptCalls(client: Redis): void {
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command, ...rest) => {
    if (command.name === "evalsha" || command.name === "eval") {
      const [sha, count, ...args] = command.args.map(String);
      const script = Object.entries(client.scriptsSet as Record<string, { sha: string }>).find(
        ([, s]) => s.sha === sha,
      )?.[0];
      calls.push({
        script: script ?? "(not defined with defineScripts)",
        keys: args.slice(0, Number(count)),
      });
    }
    return send(command, ...rest);
  }) as typeof client.sendCommand;
}

beforeAll(() => {
  redis = redisClient();
  recordScriptCalls(redis);
  prefix = loadConfig({ REDIS_PREFIX: randomName("slots"), REDIS_CLUSTER_HASH_TAGS: "true" }).redis.prefix;
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});

describe("with REDIS_CLUSTER_HASH_TAGS=true", () => {
  it("sends every script's keys in one hash slot, for every module's scripts", async () => {
    const now = new Date("2026-12-07T09:00:00.000Z");
    const store = redisCaseStore(redis, { prefix, clock: { now: () => now } });
    const newCase = (intakeKey?: string) =>
      store.create({
        channel: "web",
        citizenKey: "k_citizen1",
        conversationId: "s1",
        contactPreference: "chat",
        phone: "0912345678",
        commune: "Phường Đồng Xoài",
        topic: "dat-dai",
        description: "Nhà tôi bị lấn đất.",
        eligibility: { result: "likely-eligible", answers: {} },
        transcript: [],
        firstResponseDueAt: new Date(now.getTime() + 3_600_000).toISOString(),
        ...(intakeKey ? { intakeKey } : {}),
      });
    const kept = await newCase("intake-1");
    const phone = await newCase();
    await store.listOpen();
    await store.search("dong xoai");
    await store.claim(kept.id, "lan");
    await store.addNote(kept.id, { kind: "reply", by: "lan", text: "Dạ, cán bộ sẽ gọi bạn." });
    await store.addCitizenMessage(kept.id, "k_citizen1", "cảm ơn");
    await store.transfer(kept.id, "lan", "minh");
    await store.close(kept.id, "minh", "answered");
    await store.rate(kept.id, 5, "k_citizen1");
    await store.listClosed();
    await store.anonymize(phone.id, "retention");

    await new StaffAccounts(redis, { prefix, scryptCost: { N: 2 ** 4, r: 8, p: 1 } }).create({
      username: "lan.nguyen",
      role: "staff",
      password: "mat-khau-dai-du",
    });
    await redisWebInbox(redis, prefix).append("s1", "m1", "Dạ, chào bạn.", now);
    await redisZaloLastInbound(redis, prefix).record("u1", now.getTime());
    await redisChatPacer(redis, prefix, 1).wait("tg-1");
    await redisFaqFiles(redis, prefix, "live").put("faq-1", "dat-dai", "---\nid: faq-1\n---\n", null);
    await withRedisLock(redis, redisKeys.lock(prefix, "test"), async () => {});

    const stream = eventStreamKeys.usage(prefix);
    const usage = { at: now.toISOString(), channel: "web", session: "abc", kind: "answer", language: "vi" };
    const id = await redis.xadd(stream, "*", "e", JSON.stringify(usage));
    const ops = rollupOps(prefix, "usage", id ?? "0-0", JSON.stringify(usage));
    expect(new Set(ops.map((op) => op.t)).size).toBeGreaterThan(1);
    await applyRollupBatch(redis, stream, "metrics-rollup", [{ id: id ?? "0-0", ops }], {
      sampleCap: 10,
      sessionTtlSeconds: 60,
      questionsPerSessionHour: 10,
      questionsPerAddressHour: 10,
    });

    expect(calls.filter((c) => c.script.startsWith("("))).toEqual([]);
    for (const call of calls) {
      const slots = new Set(call.keys.map((key) => calculateSlot(key)));
      expect(slots.size, `${call.script}: ${call.keys.join(" ")}`).toBe(1);
    }
    // Every script that takes more than one key was exercised above.
    const multiKey = Object.entries(redis.scriptsSet as Record<string, { numberOfKeys: number | null }>)
      .filter(([, s]) => s.numberOfKeys === null || s.numberOfKeys > 1)
      .map(([name]) => name);
    const called = new Set(calls.filter((c) => c.keys.length > 1).map((c) => c.script));
    expect(multiKey.filter((name) => !called.has(name))).toEqual([]);
    expect(called.size).toBeGreaterThanOrEqual(10);
  });
});
