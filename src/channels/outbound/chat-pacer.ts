import type { Redis } from "ioredis";
import { defineScripts, luaScript } from "../../redis/index.js";
import { outboundKeys } from "./outbound-keys.js";

/** Spaces the messages sent to one chat, across every app instance. */
export interface ChatPacer {
  /** Resolves when a message to `chat` may be sent. */
  wait(chat: string): Promise<void>;
}

const scripts = {
  /**
   * KEYS: the chat's pace key. ARGV: interval ms. Reserves the next free slot for a chat and returns
   * how long to wait for it (ms), using Redis time so several instances agree.
   */
  reserve: luaScript<number>(
    1,
    `
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextAt = tonumber(redis.call("GET", KEYS[1]) or "0")
local at = math.max(now, nextAt)
redis.call("SET", KEYS[1], at + interval, "PX", at - now + interval + 1000)
return at - now`,
  ),
};

/** At most one message per `intervalMs` to each chat (0 turns pacing off). */
export function redisChatPacer(redis: Redis, prefix: string, intervalMs: number): ChatPacer {
  const { reserve } = defineScripts(redis, "outbound", scripts);
  const key = outboundKeys(prefix).pace;
  return {
    async wait(chat) {
      if (intervalMs <= 0) return;
      const waitMs = Number(await reserve([key(chat)], intervalMs));
      if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
    },
  };
}
