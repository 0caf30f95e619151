import type { Redis } from "ioredis";

/** Spaces the messages sent to one chat, across every app instance. */
export interface ChatPacer {
  /** Resolves when a message to `chat` may be sent. */
  wait(chat: string): Promise<void>;
}

// Reserves the next free slot for a chat and returns how long to wait for it (ms), using Redis time
// so several instances agree.
const RESERVE = `
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextAt = tonumber(redis.call("GET", KEYS[1]) or "0")
local at = math.max(now, nextAt)
redis.call("SET", KEYS[1], at + interval, "PX", at - now + interval + 1000)
return at - now`;

/** At most one message per `intervalMs` to each chat (0 turns pacing off). */
export function redisChatPacer(redis: Redis, prefix: string, intervalMs: number): ChatPacer {
  return {
    async wait(chat) {
      if (intervalMs <= 0) return;
      const waitMs = Number(await redis.eval(RESERVE, 1, `${prefix}:pace:${chat}`, intervalMs));
      if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
    },
  };
}
