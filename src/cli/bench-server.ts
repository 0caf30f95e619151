// The app as the benches run it: the built server (dist/main.js) in its own process, on the given
// Meilisearch and Redis prefix, rate limits off, quiet logs; `ready()` waits for /health/ready.
import { type ChildProcess, spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import type { Redis } from "ioredis";
import { deleteKeysWithPrefix } from "../redis/index.js";
import { freePort } from "../runtime/index.js";

export interface BenchServer {
  readonly base: string;
  readonly process: ChildProcess;
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchServer(env: {
  dataDir: string;
  meili: { url: string; masterKey: string };
  prefix: string;
  extra?: Record<string, string>;
  /** A fixed port (a restarted server comes back at the same address); a free one when unset. */
  port?: number;
  /** Receives the server's stdout (its log lines); ignored when unset. */
  onStdout?: (chunk: Buffer) => void;
  /** How node runs the app: the built server by default; from source (`--import tsx src/main.ts`) needs no build. */
  entry?: readonly string[];
}): Promise<BenchServer> {
  const port = env.port ?? (await freePort());
  const child = spawn(process.execPath, [...(env.entry ?? ["dist/main.js"])], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATA_DIR: env.dataDir,
      MEILI_URL: env.meili.url,
      MEILI_MASTER_KEY: env.meili.masterKey,
      MEILI_INDEX: env.prefix,
      REDIS_PREFIX: env.prefix,
      RATE_LIMIT_IP_PER_MINUTE: "100000000",
      RATE_LIMIT_SESSION_PER_MINUTE: "100000000",
      ...env.extra,
    },
    stdio: ["ignore", env.onStdout ? "pipe" : "ignore", "inherit"],
  });
  if (env.onStdout) child.stdout?.on("data", env.onStdout);
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise((r) => child.once("exit", r));
  return {
    base,
    process: child,
    async ready(timeoutMs = 300_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null)
          throw new Error(`the server exited (${child.exitCode}) before it was ready`);
        const ok = await fetch(`${base}/health/ready`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the server was not ready within ${timeoutMs} ms`);
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** After a bench: its servers stopped, its Redis keys and Meilisearch removed, its data dir deleted. */
export async function cleanUpBench(bench: {
  servers: readonly BenchServer[];
  redis: Redis;
  prefix: string;
  meili: { process?: { stop(): Promise<void> } };
  dataDir: string;
}): Promise<void> {
  await Promise.all(bench.servers.map((s) => s.stop()));
  await deleteKeysWithPrefix(bench.redis, bench.prefix);
  bench.redis.disconnect();
  await bench.meili.process?.stop();
  await rm(bench.dataDir, { recursive: true, force: true });
}

/**
 * Runs `work` while sending `probe` back to back (`gapMs` apart); resolves with the work's result and how
 * long each probe took: what a citizen's request waited while the work ran on the same instance.
 */
export async function meanwhile<T>(
  probe: (i: number) => Promise<unknown>,
  work: () => Promise<T>,
  gapMs = 0,
): Promise<{ result: T; probeMs: number[] }> {
  let done = false;
  const probeMs: number[] = [];
  const probing = (async () => {
    for (let i = 0; !done; i++) {
      const t = performance.now();
      await probe(i);
      probeMs.push(performance.now() - t);
      if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
    }
  })();
  try {
    return { result: await work(), probeMs };
  } finally {
    done = true;
    await probing;
  }
}
