import { mkdtemp, rm } from "node:fs/promises";
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
});
