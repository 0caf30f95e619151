import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import { telegramKeys } from "./telegram-keys.js";

/**
 * Updates fetched by long polling but not yet handled. Telegram forgets an update as soon as the
 * next getUpdates asks past it, so each batch is written here first and replayed after a crash.
 */
export interface UpdateJournal {
  add(updates: readonly Update[]): Promise<void>;
  remove(updateId: number): Promise<void>;
  /** Pending updates, oldest first. */
  pending(): Promise<Update[]>;
}

export function redisUpdateJournal(redis: Redis, prefix: string): UpdateJournal {
  const key = telegramKeys(prefix).journal;
  return {
    async add(updates) {
      if (!updates.length) return;
      await redis.hset(key, Object.fromEntries(updates.map((u) => [String(u.update_id), JSON.stringify(u)])));
    },
    async remove(updateId) {
      await redis.hdel(key, String(updateId));
    },
    async pending() {
      const all = await redis.hgetall(key);
      return Object.values(all)
        .map((raw) => JSON.parse(raw) as Update)
        .sort((a, b) => a.update_id - b.update_id);
    },
  };
}
