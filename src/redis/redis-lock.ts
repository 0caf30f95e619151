import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Redis } from "ioredis";
import { defineScripts, luaScript } from "./define-scripts.js";

const lockScripts = {
  /** KEYS: lock. ARGV: token. Deletes the lock only when this token holds it. */
  release: luaScript<number>(
    1,
    `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`,
  ),
  /** KEYS: lock. ARGV: token, ttl ms. Extends the lock only when this token holds it. */
  renew: luaScript<number>(
    1,
    `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`,
  ),
};

/** Names this run of this process: a restarted process with the same pid (pid 1 in a container) is another one. */
const RUN = randomBytes(6).toString("hex");

/** Options of {@link withRedisLock}. */
export interface RedisLockOptions {
  /** Expiry of the lock; it is renewed every third of it while `fn` runs, so it only lapses when its holder died. */
  readonly ttlMs?: number;
  /** How long to wait for another holder to finish. */
  readonly waitMs?: number;
  /** Locks held right now, so a shutdown can release them ({@link releaseHeldLocks}). */
  readonly held?: HeldLocks;
}

/** Locks a component holds at this moment (key → token). */
export type HeldLocks = Map<string, string>;

/** `host:pid:run:random`: who holds the lock, so a dead holder on this machine can be told apart. */
function newToken(): string {
  return `${os.hostname()}:${process.pid}:${RUN}:${randomBytes(6).toString("hex")}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A holder on this machine whose process is gone (or an earlier run of this very pid): its lock is stale. */
export function isStaleHolder(token: string): boolean {
  const [host, pidText, run] = token.split(":");
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return run !== RUN;
  return !isAlive(pid);
}

/**
 * Runs `fn` while holding a Redis lock (SET NX PX with a token naming its holder, released only by
 * its owner, on every exit of `fn`). The lock is renewed while `fn` runs, so a short expiry is safe:
 * a holder that died without releasing blocks others for at most `ttlMs`, and one that died on this
 * machine not at all (its token names a process that is gone). Waits up to `waitMs` for a live holder.
 */
export async function withRedisLock<T>(
  redis: Redis,
  key: string,
  fn: () => Promise<T>,
  options: RedisLockOptions = {},
): Promise<T> {
  const scripts = defineScripts(redis, "lock", lockScripts);
  const token = newToken();
  const ttl = options.ttlMs ?? 15_000;
  const deadline = Date.now() + (options.waitMs ?? 180_000);
  while ((await redis.set(key, token, "PX", ttl, "NX")) !== "OK") {
    const holder = await redis.get(key);
    if (holder && isStaleHolder(holder)) {
      await scripts.release([key], holder);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`lock ${key} is still held by another process`);
    await new Promise((r) => setTimeout(r, 100));
  }
  options.held?.set(key, token);
  const renew = setInterval(
    () => void scripts.renew([key], token, ttl).catch(() => {}),
    Math.max(100, Math.floor(ttl / 3)),
  );
  renew.unref();
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    options.held?.delete(key);
    await scripts.release([key], token).catch(() => {});
  }
}

/** Releases the locks still held (at shutdown, when their work is cut short). */
export async function releaseHeldLocks(redis: Redis, held: HeldLocks): Promise<void> {
  const { release } = defineScripts(redis, "lock", lockScripts);
  await Promise.all([...held].map(([key, token]) => release([key], token).catch(() => {})));
  held.clear();
}
