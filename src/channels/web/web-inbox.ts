import type { Redis } from "ioredis";
import type { Button } from "../../core/index.js";

/** A staff message waiting in a web chat's inbox; `id` grows by one per message of the session. */
export interface WebInboxMessage {
  readonly id: number;
  readonly text: string;
  readonly at: string;
  /** Quick replies under the message (the rating after a case is closed). */
  readonly buttons?: readonly Button[];
}

/** Staff messages to web chat sessions, which the web chat polls (`GET /api/v1/inbox`). */
export interface WebInbox {
  /** Appends once per `key`; resolves with the message id (the first one's, for a repeat). */
  append(
    sessionId: string,
    key: string,
    text: string,
    at: Date,
    buttons?: readonly Button[],
  ): Promise<number>;
  /** Whether a message with this key was appended (and is still remembered). */
  has(key: string): Promise<boolean>;
  /** Messages of the session with an id above `after`, oldest first. */
  read(sessionId: string, after: number): Promise<WebInboxMessage[]>;
  /** Deletes the session's messages ("xóa dữ liệu của tôi"). */
  clear(sessionId: string): Promise<void>;
}

// KEYS: list, sequence, key marker. ARGV: text, at, max length, ttl seconds, buttons JSON ("" = none).
const APPEND = `
local done = redis.call("GET", KEYS[3])
if done then return tonumber(done) end
local id = redis.call("INCR", KEYS[2])
local entry = { id = id, text = ARGV[1], at = ARGV[2] }
if ARGV[5] ~= "" then entry.buttons = cjson.decode(ARGV[5]) end
redis.call("RPUSH", KEYS[1], cjson.encode(entry))
redis.call("LTRIM", KEYS[1], -tonumber(ARGV[3]), -1)
redis.call("EXPIRE", KEYS[1], ARGV[4])
redis.call("EXPIRE", KEYS[2], ARGV[4])
redis.call("SET", KEYS[3], id, "EX", ARGV[4])
return id
`;

/** The inbox as a bounded Redis list per session (`${prefix}:web:inbox:<sessionId>`) that expires after `ttlSeconds` idle. */
export function redisWebInbox(
  redis: Redis,
  prefix: string,
  options: { maxMessages?: number; ttlSeconds?: number } = {},
): WebInbox {
  const max = options.maxMessages ?? 50;
  const ttl = options.ttlSeconds ?? 30 * 86_400;
  const list = (sessionId: string) => `${prefix}:web:inbox:${sessionId}`;
  const marker = (key: string) => `${prefix}:web:inbox-key:${key}`;
  return {
    async append(sessionId, key, text, at, buttons) {
      const keys = [list(sessionId), `${list(sessionId)}:seq`, marker(key)];
      const extra = buttons?.length ? JSON.stringify(buttons) : "";
      return Number(await redis.eval(APPEND, 3, ...keys, text, at.toISOString(), max, ttl, extra));
    },
    async has(key) {
      return (await redis.exists(marker(key))) === 1;
    },
    async clear(sessionId) {
      await redis.del(list(sessionId), `${list(sessionId)}:seq`);
    },
    async read(sessionId, after) {
      const raw = await redis.lrange(list(sessionId), 0, -1);
      return raw.map((entry) => JSON.parse(entry) as WebInboxMessage).filter((m) => m.id > after);
    },
  };
}
