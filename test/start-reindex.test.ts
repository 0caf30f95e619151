import os from "node:os";
import { describe, expect, it, vi } from "vitest";
import { freePort } from "../src/runtime/index.js";
import { sharedServicesEnv } from "./support/services.js";
import { spawnApp } from "./support/spawn-app.js";
import { testServices } from "./support/test-services.js";

describe("start-up with a reindex that cannot finish yet", () => {
  it("listens, is ready and answers from the last good index while the start-up reindex waits", async () => {
    // The last good index, built by an earlier run, under the test's own name.
    const services = await testServices({}, { namePrefix: "startidx" });
    const { name, redis } = services;
    // Another live process (this one) holds the build lock: the start-up reindex waits for it.
    const lock = `${name}:lock:index:${name}`;
    await redis.set(lock, `${os.hostname()}:${process.pid}:test:holder`, "PX", 120_000);
    const app = spawnApp(
      sharedServicesEnv(services.config.dataDir, name, {
        LOG_LEVEL: "info",
      }),
      await freePort(),
    );
    try {
      await app.waitReady(60_000);
      const res = await fetch(`${app.baseUrl}/api/v1/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Thủ tục ly hôn thuận tình cần giấy tờ gì?" }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { kind: string }).kind).toMatch(/^(answer|choices)$/);
      const ready = (await (await fetch(`${app.baseUrl}/health/ready`)).json()) as { checks: object };
      expect(ready.checks).toMatchObject({ index: "up" });
      expect(app.stdout()).toMatch(/listening at http/);
      expect(app.stdout()).not.toMatch(/start: index ready/);

      // The holder finishes: the start-up reindex runs (nothing changed: nothing to build).
      await redis.del(lock);
      await vi.waitFor(() => expect(app.stdout()).toMatch(/start: index ready/), { timeout: 30_000 });
    } finally {
      app.child.kill("SIGTERM");
      await app.exited;
      await services.release();
    }
  }, 120_000);
});
