import type { Redis } from "ioredis";
import type { Button, LegalRef } from "../../core/index.js";
import { webKeys } from "./web-keys.js";

/** One line of a web chat as the page shows it again after a reload. */
export interface WebHistoryEntry {
  readonly role: "citizen" | "bot" | "staff";
  readonly text: string;
  readonly at: string;
  /** A citizen message that went to the legal-aid officer (case thread), not to the bot. */
  readonly toOfficer?: boolean;
  /** For a bot reply: what the page needs to draw it as it was. */
  readonly kind?: string;
  readonly intent?: string;
  readonly buttons?: readonly Button[];
  readonly legalBasis?: readonly LegalRef[];
  /** For a staff message: its id in the inbox, so polling does not show it twice. */
  readonly inboxId?: number;
}

/** The web chat's conversation, kept on the server so a reload or a closed tab loses nothing. */
export interface WebHistory {
  append(sessionId: string, ...entries: WebHistoryEntry[]): Promise<void>;
  read(sessionId: string): Promise<WebHistoryEntry[]>;
  /** "Xóa dữ liệu của tôi": the conversation is gone. */
  clear(sessionId: string): Promise<void>;
}

/**
 * A bounded Redis list per web session (`webKeys(prefix).history`) that expires
 * `ttlSeconds` after its last line (SESSION_TTL_SECONDS, like the conversation's state).
 */
export function redisWebHistory(
  redis: Redis,
  prefix: string,
  options: { ttlSeconds: number; maxEntries?: number },
): WebHistory {
  const max = options.maxEntries ?? 200;
  const key = webKeys(prefix).history;
  return {
    async append(sessionId, ...entries) {
      if (!entries.length) return;
      await redis
        .multi()
        .rpush(key(sessionId), ...entries.map((e) => JSON.stringify(e)))
        .ltrim(key(sessionId), -max, -1)
        .expire(key(sessionId), options.ttlSeconds)
        .exec();
    },
    async read(sessionId) {
      const raw = await redis.lrange(key(sessionId), 0, -1);
      return raw.flatMap((line) => {
        try {
          return [JSON.parse(line) as WebHistoryEntry];
        } catch {
          return [];
        }
      });
    },
    async clear(sessionId) {
      await redis.del(key(sessionId));
    },
  };
}
