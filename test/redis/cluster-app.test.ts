// The app on a Redis Cluster of its own (three masters): REDIS_CLUSTER_NODES and the hash tags are the
// only change. A script, MULTI or blocking read whose keys left one slot would fail here with CROSSSLOT.
import { spawn } from "node:child_process";
import type { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { createJobQueue } from "../../src/channels/outbound/index.js";
import { redisCaseLive } from "../../src/escalation/index.js";
import { createLogger } from "../../src/logging/index.js";
import { vietnamDay } from "../../src/metrics/index.js";
import { startTestApp, type TestApp } from "../support/in-process-app.js";
import { INTAKE_IN_CHAT } from "../support/intake-answers.js";
import { type RedisCluster, startRedisCluster } from "../support/redis-cluster.js";
import { serviceEnv } from "../support/services.js";
import { loginStaff } from "../support/staff-client.js";

let cluster: RedisCluster | undefined;
let app: TestApp | undefined;

beforeAll(async () => {
  cluster = await startRedisCluster();
  app = await startTestApp(
    { REDIS_CLUSTER_NODES: cluster.nodes, REDIS_CLUSTER_HASH_TAGS: "true" },
    { index: true },
  );
  // The operators' CLI too: `npm run user:add` on the cluster, with the same two variables.
  const added = await userAdd(app, ["--username", "canbo.cum", "--role", "admin"], "mat-khau-dai-9\n");
  expect(added, added.stderr).toMatchObject({ code: 0 });
}, 90_000);
afterAll(async () => {
  await app?.close();
  await cluster?.stop();
}, 30_000);

/** Runs `npm run user:add`'s entry against the app's cluster and key prefix, the password on stdin. */
function userAdd(
  on: TestApp,
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stderr: string }> {
  const env = serviceEnv({
    REDIS_URL: inject("redisUrl"),
    REDIS_PREFIX: on.config.redis.prefix.slice(1, -1), // the braced "{name}" → REDIS_PREFIX "name"
    REDIS_CLUSTER_NODES: (cluster as RedisCluster).nodes,
    REDIS_CLUSTER_HASH_TAGS: "true",
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/user-add.ts", ...args], {
      env,
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
    child.stdin.end(stdin);
  });
}

describe("the app on a three-master Redis Cluster", () => {
  it("answers, opens a case staff see and hear of live, counts it in the report, and spreads its keys over the nodes", async () => {
    const test = app as TestApp;
    const sessionId = `web-cluster-${Date.now()}`;
    const asked = await test.ask({ text: "tôi muốn ly hôn mà chồng không đồng ý", sessionId });
    expect(asked.status).toBe(200);
    expect(asked.body.kind).toBe("answer");

    let last: { kind: string; text: string } | undefined;
    for (const text of INTAKE_IN_CHAT) last = (await test.ask({ text, sessionId })).body;
    expect(last?.kind).toBe("escalate");
    const code = /TGPL-\d{4}-\d{6}/.exec(last?.text ?? "")?.[0] as string;
    expect(code).toBeDefined();

    const staff = await loginStaff(test.baseUrl, "canbo.cum", "mat-khau-dai-9");
    const queue = (await (await staff.get("/api/v1/staff/cases")).json()) as { cases: { id: string }[] };
    expect(queue.cases.map((c) => c.id)).toContain(code);
    // Staff pages on other instances hear of the claim through the cluster's pub/sub.
    const live = redisCaseLive(test.redis, test.config.redis.prefix);
    const heard: string[] = [];
    await live.subscribe((event) => heard.push(`${event.caseId} ${event.type}`));
    expect((await staff.post(`/api/v1/staff/cases/${code}/claim`)).status).toBe(200);
    for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await live.close();
    expect(heard).toContain(`${code} claimed`);

    // The app's ingester reads the event streams with a blocking XREADGROUP on its own cluster connection.
    const today = vietnamDay(new Date());
    type Row = { key: string; values: Record<string, number> };
    let web: Row | undefined;
    for (let i = 0; i < 100 && web?.values.cases !== 1; i++) {
      const res = await staff.get(`/api/v1/admin/reports?from=${today}&to=${today}&format=json`);
      const report = (await res.json()) as { tables: { id: string; rows: Row[] }[] };
      web = report.tables.find((t) => t.id === "channels")?.rows.find((r) => r.key === "web");
      if (web?.values.cases !== 1) await new Promise((r) => setTimeout(r, 100));
    }
    expect(web?.values.cases).toBe(1);

    const masters = (test.redis as unknown as Cluster).nodes("master");
    const sizes = await Promise.all(masters.map((node) => node.dbsize()));
    expect(masters).toHaveLength(3);
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(1);
  }, 60_000);

  it("runs a BullMQ job on the cluster with the app's job queue", async () => {
    const config = (app as TestApp).config;
    const done: string[] = [];
    const jobs = createJobQueue({
      name: "cluster-check",
      redisEndpoint: config.redis,
      prefix: config.redis.prefix,
      schema: z.object({ text: z.string() }),
      process: async (data) => {
        done.push(data.text);
      },
      concurrency: 1,
      attempts: 1,
      backoffMs: 100,
      lockSeconds: 30,
      logger: createLogger("silent"),
    });
    try {
      await jobs.add("j1", { text: "xin chào" });
      for (let i = 0; i < 100 && done.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(done).toEqual(["xin chào"]);
    } finally {
      await jobs.close();
    }
  }, 30_000);
});
