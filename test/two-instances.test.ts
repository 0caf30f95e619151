import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StaffAccounts } from "../src/escalation/index.js";
import { eventStreamKeys } from "../src/redis/index.js";
import { freePort } from "../src/runtime/index.js";
import { INTAKE_IN_CHAT } from "./support/intake-answers.js";
import { meiliClient, randomName, redisClient, removeKeys, sharedServicesEnv } from "./support/services.js";
import { type AppProcess, spawnApp } from "./support/spawn-app.js";
import { editAnswerAndSubmit, loginStaff } from "./support/staff-client.js";

const PASSWORD = "mat-khau-dai-du-2026";
const prefix = randomName("two");
const dirs: string[] = [];
let a: AppProcess;
let b: AppProcess;
let redis: Redis;

/** One instance of the app: its own process and data dir, the shared Redis prefix and Meilisearch index. */
async function instance(): Promise<AppProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-two-"));
  dirs.push(dataDir);
  return spawnApp(
    sharedServicesEnv(dataDir, prefix, {
      HASH_SECRET: "two-instances-test-secret-0123456789",
      // The reminder is due at once (its lead is longer than any deadline), so it fires during the test.
      SLA_REMINDER_MINUTES: "100000",
    }),
    await freePort(),
  );
}

async function ask(app: AppProcess, text: string, sessionId?: string) {
  const res = await fetch(`${app.baseUrl}/api/v1/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, sessionId }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { kind: string; intent?: string; text: string; faqId?: string };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`${what} did not happen within ${limitMs} ms (a liveness limit)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  redis = redisClient();
  const accounts = new StaffAccounts(redis, { prefix, sessionTtlSeconds: 3600 });
  for (const username of ["qt.an", "qt.binh"])
    await accounts.create({ username, password: PASSWORD, role: "admin" });
  // Both start together: the content store and the index are taken care of once, under their locks.
  [a, b] = await Promise.all([instance(), instance()]);
  await Promise.all([a.waitReady(300_000), b.waitReady(300_000)]);
}, 360_000);

afterAll(async () => {
  for (const app of [a, b]) app?.child.kill("SIGTERM");
  await Promise.all([a?.exited, b?.exited]);
  await removeKeys(prefix);
  redis?.disconnect();
  await meiliClient()
    .deleteIndex(prefix)
    .waitTask()
    .catch(() => {});
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("two instances behind one Redis and one Meilisearch", () => {
  it("continues on B a web chat and an intake started on A, stores one case, and fires its SLA reminder once", async () => {
    const sessionId = `two-${Date.now()}`;
    const first = await ask(a, "ly hôn đơn phương cần giấy tờ gì", sessionId);
    expect(first.kind).not.toBe("fallback");
    let last: Awaited<ReturnType<typeof ask>> | undefined;
    // Every other turn on the other instance, as a load balancer without sticky sessions would send them.
    for (const [i, text] of INTAKE_IN_CHAT.entries()) last = await ask(i % 2 === 0 ? b : a, text, sessionId);
    expect(last?.intent).toBe("intake-done");
    const code = /TGPL-\d{4}-\d{6}/.exec(last?.text ?? "")?.[0] ?? "";
    expect(code).not.toBe("");
    // The citizen asks on A about the case opened through B.
    expect((await ask(a, "tình trạng hồ sơ", sessionId)).text).toContain(code);

    const staff = await loginStaff(b.baseUrl, "qt.an", PASSWORD);
    const queue = (await (await staff.get("/api/v1/staff/cases")).json()) as { cases: { id: string }[] };
    expect(queue.cases.filter((c) => c.id === code)).toHaveLength(1);

    // Both instances run the case queue's workers; the reminder (due at once) fires on one of them, once.
    const reminders = async () => {
      const entries = await redis.xrange(eventStreamKeys.cases(prefix), "-", "+");
      return entries.filter(([, fields]) => fields.join(" ").includes("sla-reminder")).length;
    };
    await until("the SLA reminder", async () => ((await reminders()) > 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 3000));
    expect(await reminders()).toBe(1);
  }, 400_000);

  it("lets one of two admins saving the same FAQ on A and B at once win, and answers the other 409", async () => {
    const id = "ho-tich-cai-chinh-sai-sot";
    const an = await loginStaff(a.baseUrl, "qt.an", PASSWORD);
    const binh = await loginStaff(b.baseUrl, "qt.binh", PASSWORD);
    const loaded = (await (await an.get(`/api/v1/admin/faqs/${id}`)).json()) as {
      version: string;
      faq: { answer: string };
    };
    const save = (app: AppProcess, who: typeof an, line: string) =>
      fetch(`${app.baseUrl}/api/v1/admin/faqs/${id}`, {
        method: "PUT",
        headers: {
          "content-type": "application/json",
          cookie: who.cookie,
          "x-csrf-token": who.csrf,
          "if-match": `"${loaded.version}"`,
        },
        body: JSON.stringify({ ...loaded.faq, answer: `${loaded.faq.answer}\n\n${line}` }),
      });
    const results = await Promise.all([save(a, an, "Bản của An."), save(b, binh, "Bản của Bình.")]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const kept = (await (await an.get(`/api/v1/admin/faqs/${id}`)).json()) as { faq: { answer: string } };
    const winner = results[0]?.status === 200 ? "Bản của An." : "Bản của Bình.";
    expect(kept.faq.answer).toContain(winner);
    expect(kept.faq.answer.match(/Bản của (An|Bình)\./g)).toHaveLength(1);
  }, 400_000);

  it("answers on B what was published on A", async () => {
    const id = "tgpl-ai-duoc-huong";
    const an = await loginStaff(a.baseUrl, "qt.an", PASSWORD);
    const binh = await loginStaff(a.baseUrl, "qt.binh", PASSWORD);
    const line = `Đoạn xuất bản trên máy A lúc ${new Date().toISOString().slice(11, 19)}.`;
    const loaded = await editAnswerAndSubmit(a.baseUrl, an, id, line);
    expect((await ask(b, loaded.faq.question)).text).not.toContain(line);

    const approved = await binh.post(`/api/v1/admin/faqs/${id}/approve`);
    expect(approved.status).toBe(200);
    const publishedAt = performance.now();
    // The approve returns once A serves the new text: A's very next answer has it.
    expect((await ask(a, loaded.faq.question)).text).toContain(line);
    await until("B answering with the published text", async () =>
      (await ask(b, loaded.faq.question)).text.includes(line) ? true : undefined,
    );
    // A figure, not an assertion (timing belongs in the bench): how long B took to serve the publish.
    console.info(
      `publish on A → answered by B: ${Math.round(performance.now() - publishedAt)} ms after approve`,
    );
  }, 400_000);
});
