import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { freePort } from "../src/runtime/index.js";
import { randomName, removeKeys, serviceEnv } from "./support/services.js";
import { type AppProcess, alive, spawnApp } from "./support/spawn-app.js";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tlpl-start-"));
  dirs.push(dir);
  return dir;
}

const apps: AppProcess[] = [];
/** The entry point, stopped after the test even when the test fails before it stops it. */
function startApp(...args: Parameters<typeof spawnApp>): AppProcess {
  const app = spawnApp(...args);
  apps.push(app);
  return app;
}

afterEach(async () => {
  for (const app of apps.splice(0))
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill("SIGTERM");
      await app.exited;
    }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function pidIn(file: string): Promise<number> {
  return Number.parseInt(await readFile(file, "utf8"), 10);
}

/** The app on the test Redis, under its own key prefix (the test removes it). */
function sharedRedisEnv(dataDir: string, prefix: string): Record<string, string> {
  return serviceEnv({
    DATA_DIR: dataDir,
    REDIS_URL: inject("redisUrl"),
    REDIS_PREFIX: prefix,
    MEILI_INDEX: prefix,
  });
}

describe("the service entry point", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`starts its own Meilisearch, becomes ready within 30 s, and leaves no process behind on ${signal}`, async () => {
      const dataDir = await tempDir();
      const prefix = randomName("start");
      const app = startApp({ ...sharedRedisEnv(dataDir, prefix), LOG_LEVEL: "info" }, await freePort());
      const ms = await app.waitReady(30_000);
      expect(ms).toBeLessThan(30_000);
      await vi.waitFor(() => expect(app.stdout()).toMatch(/start: index ready/), { timeout: 10_000 });
      // One line per start-up stage, in order, each with its time; then where it listens.
      const lines = app
        .stdout()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { stage?: string; ms?: number; msg: string });
      const stages = lines.filter((l) => l.stage);
      // The start-up reindex runs after listening (the last good index serves meanwhile).
      expect(stages.map((l) => l.stage)).toEqual([
        "redis",
        "meilisearch",
        "content",
        "app",
        "channels",
        "http",
        "index",
      ]);
      for (const l of stages) expect(l.ms).toBeGreaterThanOrEqual(0);
      expect(lines.findIndex((l) => /^listening at http/.test(l.msg))).toBeLessThan(
        lines.findIndex((l) => l.stage === "index"),
      );
      const meiliPid = await pidIn(path.join(dataDir, "meilisearch/meilisearch.pid"));
      expect(alive(meiliPid)).toBe(true);
      app.child.kill(signal);
      expect(await app.exited).toBe(0);
      expect(alive(meiliPid)).toBe(false);
      await removeKeys(prefix);
    }, 60_000);
  }

  it("starts a redis-server when none answers, and stops it on SIGTERM", async () => {
    const dataDir = await tempDir();
    const redisPort = await freePort();
    const app = startApp(
      serviceEnv({ DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${redisPort}` }),
      await freePort(),
    );
    await app.waitReady(30_000);
    const redisPid = await pidIn(path.join(dataDir, "redis/redis-server.pid"));
    const meiliPid = await pidIn(path.join(dataDir, "meilisearch/meilisearch.pid"));
    expect(alive(redisPid)).toBe(true);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
    expect(alive(redisPid)).toBe(false);
    expect(alive(meiliPid)).toBe(false);
  }, 60_000);

  it("stops the Meilisearch it spawned when start-up fails later (port already taken)", async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const blocker = (await import("node:net")).createServer().listen(port, "127.0.0.1");
    // It gets as far as writing to Redis before the port fails: its own prefix, removed after.
    const prefix = randomName("start");
    try {
      const app = startApp(sharedRedisEnv(dataDir, prefix), port);
      const code = await app.exited;
      expect(code).toBe(1);
      expect(app.stderr()).toMatch(/Start-up failed: .*EADDRINUSE/);
      const meiliPid = await pidIn(path.join(dataDir, "meilisearch/meilisearch.pid")).catch(() => 0);
      // The pid file is removed once the spawned Meilisearch is stopped.
      expect(meiliPid).toBe(0);
    } finally {
      blocker.close();
      await removeKeys(prefix);
    }
  }, 60_000);

  it("says how to get Redis when none answers and redis-server is not on the PATH", async () => {
    const dataDir = await tempDir();
    const env = serviceEnv({ DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    env.PATH = dataDir; // an empty directory: no redis-server to be found
    const app = startApp(env, await freePort());
    expect(await app.exited).toBe(1);
    expect(app.stderr()).toMatch(
      /Redis does not answer .*apt-get install redis-server.*docker compose up -d redis/,
    );
  }, 30_000);

  for (const [name, value, pattern] of [
    ["PORT", "abc", /^Config error: PORT got "abc", expected an integer port/],
    ["REDIS_URL", "nope", /^Config error: REDIS_URL got "nope", expected a URL like redis:/],
    [
      "MEILI_URL",
      "localhost:7700",
      /^Config error: MEILI_URL got "localhost:7700", expected an http\(s\) URL/,
    ],
  ] as const) {
    it(`exits non-zero with a one-line message naming ${name} when it is ${value}`, async () => {
      const env = serviceEnv({ [name]: value });
      const app = startApp(env, await freePort());
      const code = await app.exited;
      expect(code).toBe(2);
      const lines = app.stderr().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(pattern);
    }, 30_000);
  }
});
