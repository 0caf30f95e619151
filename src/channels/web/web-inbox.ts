import type { Redis } from "ioredis";
import type { Button } from "../../core/index.js";
import { defineScripts, luaScript } from "../../redis/index.js";
import { webKeys } from "./web-keys.js";

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

const scripts = {
  /**
   * KEYS: list, sequence, key marker. ARGV: text, at, max length, ttl seconds, buttons JSON ("" = none).
   * Returns the message id (the first one's when the key was appended before).
   */
  append: luaScript<number>(
    3,
    `
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
`,
  ),
};

/** The inbox as a bounded Redis list per session (`webKeys(prefix).inbox`) that expires after `ttlSeconds` idle. */
export function redisWebInbox(
  redis: Redis,
  prefix: string,
  options: { maxMessages?: number; ttlSeconds?: number } = {},
): WebInbox {
  const max = options.maxMessages ?? 50;
  const ttl = options.ttlSeconds ?? 30 * 86_400;
  const keys = webKeys(prefix);
  const { append } = defineScripts(redis, "web", scripts);
  return {
    async append(sessionId, key, text, at, buttons) {
      const touched = [keys.inbox(sessionId), keys.inboxSeq(sessionId), keys.inboxMarker(key)];
      const extra = buttons?.length ? JSON.stringify(buttons) : "";
      return Number(await append(touched, text, at.toISOString(), max, ttl, extra));
    },
    async has(key) {
      return (await redis.exists(keys.inboxMarker(key))) === 1;
    },
    async clear(sessionId) {
      await redis.del(keys.inbox(sessionId), keys.inboxSeq(sessionId));
    },
    async read(sessionId, after) {
      const raw = await redis.lrange(keys.inbox(sessionId), 0, -1);
      return raw.map((entry) => JSON.parse(entry) as WebInboxMessage).filter((m) => m.id > after);
    },
  };
}
