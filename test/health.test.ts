import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it, vi } from "vitest";
import { redisIndexState } from "../src/redis/index.js";
import { freePort, startMeiliServer } from "../src/runtime/index.js";
import { ensureIndex } from "../src/search/index.js";
import { randomName, removeKeys, serviceEnv } from "./support/services.js";
import { spawnApp } from "./support/spawn-app.js";
import { testServices } from "./support/test-services.js";

async function readyStatus(
  baseUrl: string,
): Promise<{ status: number; body: { status: string; down: string[] } }> {
  const res = await fetch(`${baseUrl}/health/ready`);
  return { status: res.status, body: (await res.json()) as { status: string; down: string[] } };
}

describe("/health/ready", () => {
  it("returns 503 naming the index until a published index can answer, then 200, and stays ready (degraded) while Meilisearch is down", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-health-"));
    let meili = await startMeiliServer({ dataDir });
    const port = Number(new URL(meili.url).port);
    // Its own key prefix and index name, removed after; no index yet and no start-up reindex.
    const services = await testServices(
      { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey },
      { namePrefix: "health", index: false },
    );
    const prefix = services.name;
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
      // Listening, but nothing to answer from.
      await vi.waitFor(async () => expect((await fetch(`${app.baseUrl}/health/live`)).status).toBe(200), {
        timeout: 60_000,
        interval: 200,
      });
      const empty = await readyStatus(app.baseUrl);
      expect(empty.status).toBe(503);
      expect(empty.body.down).toEqual(["index"]);

      await ensureIndex({
        client: services.meili,
        alias: prefix,
        contentDir: services.config.content.dir,
        indexConfigDir: services.config.content.indexConfigDir,
        state: redisIndexState(services.redis, prefix),
        logger: services.logger,
      });
      await app.waitReady(60_000);

      await meili.process?.stop(0);
      const down = await readyStatus(app.baseUrl);
      expect(down.status).toBe(200);
      expect(down.body.status).toBe("degraded");

      // Same data dir and key; the app must reconnect without a restart.
      meili = await startMeiliServer({ dataDir, masterKey: meili.masterKey, port });
      expect((await readyStatus(app.baseUrl)).body.status).toBe("ok");
    } finally {
      app.child.kill("SIGTERM");
      await app.exited;
      await services.release();
      await meili.process?.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

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
