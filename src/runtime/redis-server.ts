import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { DependencyError } from "../errors/index.js";
import { killStale, type ManagedProcess, sleep, spawnManaged } from "./child-process.js";

const HOW_TO_GET_REDIS =
  'Install Redis 7 ("sudo apt-get install redis-server" or "brew install redis"), or run "docker compose up -d redis", or set REDIS_URL.';

/** True when a Redis answers PING at `url` within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function onPath(command: string): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)("sh", ["-c", `command -v ${command}`]);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure a Redis answers at `url`. When none does and `redis-server` is on the PATH, starts one
 * on that URL's port with its data (AOF on) under `dataDir`; otherwise says how to get Redis.
 */
export async function ensureRedis(url: string, dataDir: string): Promise<ManagedProcess | undefined> {
  if (await redisAnswers(url)) return undefined;
  const parsed = new URL(url);
  const local = ["127.0.0.1", "localhost", "::1", "[::1]"].includes(parsed.hostname);
  const binary = local ? await onPath("redis-server") : undefined;
  if (!binary) {
    throw new DependencyError("redis", `Redis does not answer at ${parsed.host}. ${HOW_TO_GET_REDIS}`);
  }
  const dir = path.join(dataDir, "redis");
  await mkdir(dir, { recursive: true });
  const pidFile = path.join(dir, "redis-server.pid");
  await killStale(pidFile, "redis-server");
  const args = [
    "--port",
    parsed.port || "6379",
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--appendonly",
    "yes",
    "--appendfsync",
    "everysec",
    "--save",
    "",
    "--maxmemory-policy",
    "noeviction",
    "--daemonize",
    "no",
  ];
  if (parsed.password) args.push("--requirepass", decodeURIComponent(parsed.password));
  const { child, managed, stderrTail } = await spawnManaged("redis-server", binary, args, pidFile);
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (await redisAnswers(url, 500)) return managed;
    await sleep(100);
  }
  await managed.stop(1000);
  throw new DependencyError(
    "redis",
    `redis-server did not start at ${parsed.host}: ${stderrTail() || "no output"}. ${HOW_TO_GET_REDIS}`,
  );
}
