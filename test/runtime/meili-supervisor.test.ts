import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/index.js";
import { superviseMeili } from "../../src/runtime/index.js";
import { alive } from "../support/spawn-app.js";

/** A logger whose JSON lines the test reads. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger("info", sink), lines };
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, limitMs = 60_000) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

describe("the bundled Meilisearch under supervision", () => {
  it("is started again on the same address with growing delays after it dies, one log line per restart, and not after stop", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-meili-supervise-"));
    const { logger, lines } = recordingLogger();
    const meili = await superviseMeili({
      dataDir,
      logger,
      backoff: { initialMs: 300, maxMs: 5000, stableMs: 60_000 },
    });
    try {
      const firstPid = meili.status().pid ?? 0;
      expect(meili.status()).toMatchObject({ state: "running", restarts: 0 });

      process.kill(firstPid, "SIGKILL");
      await until("the state to say restarting", () => meili.status().state === "restarting" || undefined);
      const secondPid = await until("a restart", () =>
        meili.status().restarts === 1 ? meili.status().pid : undefined,
      );
      expect(secondPid).not.toBe(firstPid);
      expect(await healthy(meili.url)).toBe(true);
      expect(meili.status()).toMatchObject({ state: "running", restarts: 1, lastExit: { code: "SIGKILL" } });

      // Dies again soon after: the next delay is twice as long.
      process.kill(secondPid, "SIGKILL");
      await until("a second restart", () => (meili.status().restarts === 2 ? true : undefined));
      expect(await healthy(meili.url)).toBe(true);
      const restarting = lines.filter(
        (l) => l.msg === "bundled Meilisearch exited unexpectedly; restarting it",
      );
      expect(restarting.map((l) => l.delayMs)).toEqual([300, 600]);
      expect(lines.filter((l) => l.msg === "bundled Meilisearch restarted")).toHaveLength(2);

      const lastPid = meili.status().pid ?? 0;
      await meili.stop();
      expect(alive(lastPid)).toBe(false);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await healthy(meili.url)).toBe(false);
      expect(meili.status()).toMatchObject({ state: "stopped", restarts: 2 });
    } finally {
      await meili.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
