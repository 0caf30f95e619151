import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { freePort, startMeiliServer } from "../src/runtime/index.js";
import { randomName, removeKeys, serviceEnv } from "./support/services.js";
import { spawnApp } from "./support/spawn-app.js";

async function readyStatus(baseUrl: string): Promise<{ status: number; body: { down: string[] } }> {
  const res = await fetch(`${baseUrl}/health/ready`);
  return { status: res.status, body: (await res.json()) as { down: string[] } };
}

describe("/health/ready", () => {
  it("returns 503 naming Meilisearch while it is down and the instance has no corpus snapshot to serve, and 200 again once it is back", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-health-"));
    let meili = await startMeiliServer({ dataDir });
    const port = Number(new URL(meili.url).port);
    // Its own key prefix, removed after: the app writes its queues and counters under it.
    const prefix = randomName("health");
    const app = spawnApp(
      serviceEnv({
        DATA_DIR: dataDir,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        MEILI_INDEX: prefix,
        REDIS_URL: inject("redisUrl"),
        REDIS_PREFIX: prefix,
        REINDEX_ON_START: "false",
      }),
      await freePort(),
    );
    try {
      await app.waitReady();
      expect((await readyStatus(app.baseUrl)).status).toBe(200);

      await meili.process?.stop(0);
      const down = await readyStatus(app.baseUrl);
      expect(down.status).toBe(503);
      expect(down.body.down).toEqual(["meilisearch"]);

      // Same data dir and key; the app must reconnect without a restart.
      meili = await startMeiliServer({ dataDir, masterKey: meili.masterKey, port });
      expect((await readyStatus(app.baseUrl)).status).toBe(200);
    } finally {
      app.child.kill("SIGTERM");
      await app.exited;
      await meili.process?.stop();
      await rm(dataDir, { recursive: true, force: true });
      await removeKeys(prefix);
    }
  }, 60_000);

  it("stays ready while the bundled Meilisearch is restarted after a crash, and shows the restart", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-health-restart-"));
    const prefix = randomName("health");
    // No MEILI_URL: the app starts and supervises its own Meilisearch.
    const app = spawnApp(
      serviceEnv({
        DATA_DIR: dataDir,
        MEILI_INDEX: prefix,
        REDIS_URL: inject("redisUrl"),
        REDIS_PREFIX: prefix,
        LOG_LEVEL: "info",
      }),
      await freePort(),
    );
    try {
      await app.waitReady(120_000);
      const pid = Number.parseInt(
        await readFile(path.join(dataDir, "meilisearch/meilisearch.pid"), "utf8"),
        10,
      );
      process.kill(pid, "SIGKILL");
      // Answers go on from the corpus snapshot: ready (degraded) throughout, then ok with the restart shown.
      const deadline = Date.now() + 60_000;
      let body: { status: string; details?: Record<string, Record<string, unknown>> } = { status: "" };
      const statuses = new Set<number>();
      do {
        const res = await fetch(`${app.baseUrl}/health/ready`);
        statuses.add(res.status);
        body = (await res.json()) as typeof body;
        if (body.status === "ok" && body.details?.meilisearchProcess?.restarts === 1) break;
        await new Promise((r) => setTimeout(r, 100));
      } while (Date.now() < deadline);
      expect([...statuses]).toEqual([200]);
      expect(body).toMatchObject({
        status: "ok",
        details: {
          meilisearchProcess: { ok: true, state: "running", restarts: 1, lastExit: { code: "SIGKILL" } },
        },
      });
      expect(app.stdout().match(/bundled Meilisearch exited unexpectedly/g)).toHaveLength(1);
      const ask = await fetch(`${app.baseUrl}/api/v1/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "thủ tục ly hôn đơn phương" }),
      });
      expect(((await ask.json()) as { kind: string }).kind).toBe("answer");
    } finally {
      app.child.kill("SIGTERM");
      await app.exited;
      await rm(dataDir, { recursive: true, force: true });
      await removeKeys(prefix);
    }
  }, 180_000);
});
