import type { Redis } from "ioredis";
import { defineScripts, luaScript } from "../../redis/index.js";
import { zaloKeys } from "./zalo-keys.js";

/** When each Zalo user last wrote to the OA: Zalo's reply window counts from it. */
export interface ZaloLastInbound {
  /** Keeps the latest of the stored time and `ms` (events may be processed out of order). */
  record(userId: string, ms: number): Promise<void>;
  /** Epoch ms of the user's last event, if remembered. */
  get(userId: string): Promise<number | undefined>;
  /** Zalo refused a message as outside the reply window at `ms` (-230/-232). */
  markClosed(userId: string, ms: number): Promise<void>;
  /** True when the user wrote within `windowMs` of `nowMs` and Zalo has not refused since. */
  windowOpen(userId: string, nowMs: number, windowMs: number): Promise<boolean>;
}

const scripts = {
  /** KEYS: the user's last-inbound key. ARGV: ms, ttl seconds. Keeps the later time. */
  recordMax: luaScript<null>(
    1,
    `
local old = tonumber(redis.call("GET", KEYS[1]) or "0")
if tonumber(ARGV[1]) > old then redis.call("SET", KEYS[1], ARGV[1], "EX", ARGV[2])
else redis.call("EXPIRE", KEYS[1], ARGV[2]) end
`,
  ),
};

/** Last inbound times as Redis keys (`zaloKeys(prefix).lastInbound`), forgotten after `ttlSeconds`. */
export function redisZaloLastInbound(
  redis: Redis,
  prefix: string,
  ttlSeconds = 90 * 86_400,
): ZaloLastInbound {
  const { lastInbound: key, windowClosed: closedKey } = zaloKeys(prefix);
  const { recordMax } = defineScripts(redis, "zalo", scripts);
  return {
    async record(userId, ms) {
      await recordMax([key(userId)], Math.trunc(ms), ttlSeconds);
    },
    async get(userId) {
      const value = await redis.get(key(userId));
      return value === null ? undefined : Number(value);
    },
    async markClosed(userId, ms) {
      await redis.set(closedKey(userId), String(Math.trunc(ms)), "EX", ttlSeconds);
    },
    async windowOpen(userId, nowMs, windowMs) {
      const [last, closed] = await redis.mget(key(userId), closedKey(userId));
      if (last === null || nowMs - Number(last) > windowMs) return false;
      // A message the user sent after Zalo's refusal opens the window again.
      return closed === null || Number(last) > Number(closed);
    },
  };
}
