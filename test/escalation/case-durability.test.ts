import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisCaseStore, StaffAccounts } from "../../src/escalation/index.js";
import { freePort } from "../../src/runtime/index.js";
import { deleteKeys, meiliClient, randomName, redisClient, sharedServicesEnv } from "../support/services.js";
import { type AppProcess, spawnApp } from "../support/spawn-app.js";
import { loginStaff } from "../support/staff-client.js";

/** CI runs a few; `npm run bench` runs the 50 (CASE_DURABILITY_RUNS=50). */
const RUNS = Number(process.env.CASE_DURABILITY_RUNS ?? 3);
const prefix = randomName("cdur");
let dataDir: string;
const redis = redisClient();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-cdur-"));
  await new StaffAccounts(redis, { prefix }).create({
    username: "canbo.dur",
    password: "mat-khau-dai-3",
    role: "supervisor",
  });
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
  await meiliClient()
    .deleteIndex(prefix)
    .catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
});

async function startApp(): Promise<AppProcess> {
  const app = spawnApp(
    sharedServicesEnv(dataDir, prefix, {
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      RATE_LIMIT_SESSION_PER_MINUTE: "100000",
      // The test logs in after every restart, more often than a person would.
      STAFF_LOGIN_PER_MINUTE: "100000",
    }),
    await freePort(),
  );
  await app.waitReady(60_000);
  return app;
}

async function ask(
  app: AppProcess,
  sessionId: string,
  text: string,
): Promise<{ intent?: string; text: string }> {
  const res = await fetch(`${app.baseUrl}/api/v1/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, sessionId }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { intent?: string; text: string };
}

/** The queue as a supervisor sees it through the staff API of a (restarted) instance. */
async function queuedIds(app: AppProcess): Promise<string[]> {
  const staff = await loginStaff(app.baseUrl, "canbo.dur", "mat-khau-dai-3");
  const res = await staff.get("/api/v1/staff/cases?limit=200");
  expect(res.status).toBe(200);
  return ((await res.json()) as { cases: { id: string }[] }).cases.map((c) => c.id);
}

describe("durability of acknowledged cases", () => {
  it(
    `keeps every case whose code the citizen saw, across ${RUNS} SIGKILLs right after the acknowledgement`,
    async () => {
      const acknowledged: string[] = [];
      for (let run = 0; run <= RUNS; run++) {
        const app = await startApp();
        try {
          // Every case acknowledged before an earlier kill is in the queue after the restart.
          const queue = await queuedIds(app);
          for (const code of acknowledged) expect(queue, `run ${run}: ${code} lost`).toContain(code);
          if (run === RUNS) break;

          const sessionId = `dur-${run}-${Date.now()}`;
          for (const text of [
            "cho tôi gặp cán bộ",
            "có",
            `Vụ việc số ${run}: hàng xóm lấn đất nhà tôi`,
            "1",
            "1",
            "xã Ví Dụ",
            "0",
          ]) {
            await ask(app, sessionId, text);
          }
          const done = await ask(app, sessionId, "gửi");
          // Killed the moment the acknowledgement arrives: nothing after it may be needed.
          app.child.kill("SIGKILL");
          const code = /TGPL-\d{4}-\d{6}/.exec(done.text)?.[0];
          expect(code, done.text).toBeDefined();
          acknowledged.push(code as string);
        } finally {
          if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill("SIGKILL");
          await app.exited;
        }
      }
      // And each keeps its transcript.
      const store = redisCaseStore(redis, { prefix });
      for (const [run, code] of acknowledged.entries()) {
        const stored = await store.get(code);
        expect(stored?.transcript.some((t) => t.text.includes(`Vụ việc số ${run}:`))).toBe(true);
      }
      expect(acknowledged).toHaveLength(RUNS);
    },
    60_000 + RUNS * 30_000,
  );
});
