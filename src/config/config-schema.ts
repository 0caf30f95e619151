import { z } from "zod";

/** Marks a demo value so nobody mistakes it for a real organisation detail. */
export const EXAMPLE_MARK = "(ví dụ)";

const port = z.coerce
  .number({ error: "an integer port 1–65535" })
  .int("an integer port 1–65535")
  .min(1, "an integer port 1–65535")
  .max(65535, "an integer port 1–65535");

const positiveInt = (what: string) => z.coerce.number({ error: what }).int(what).positive(what);

const fraction = z.coerce
  .number({ error: "a number from 0 to 1" })
  .min(0, "a number from 0 to 1")
  .max(1, "a number from 0 to 1");

const redisUrl = z.string().regex(/^rediss?:\/\/[^\s]+$/, "a URL like redis://127.0.0.1:6379");

/** `host:port,host:port`: a Redis Cluster's seed nodes (ioredis finds the others). */
const redisNodes = z
  .string()
  .regex(
    /^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/,
    "comma-separated host:port seeds like 10.0.0.1:7000,10.0.0.2:7000",
  )
  .transform((v) =>
    v.split(",").map((node) => {
      const at = node.lastIndexOf(":");
      return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
    }),
  );

const httpUrl = z.string().regex(/^https?:\/\/[^\s]+$/, "an http(s) URL");

const prefix = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "1–40 characters from A–Z, a–z, 0–9, _ and -");

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

// --- Channels: Telegram, Zalo OA and outbound delivery (issue 5) --------------------------------
const positiveNumber = (what: string) => z.coerce.number({ error: what }).positive(what);

/** Channel variables; a channel is on when its secrets are set (see `.env.example`). */
const channelVariables = {
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^[0-9]+:[A-Za-z0-9_-]+$/, "a bot token from @BotFather like 123456:ABC-…")
    .optional(),
  TELEGRAM_API_ROOT: httpUrl.default("https://api.telegram.org"),
  // core.telegram.org/bots/api#setwebhook: "HTTPS URL to send updates to"; ports 443, 80, 88, 8443.
  TELEGRAM_WEBHOOK_URL: z
    .string()
    .regex(
      /^https:\/\/[^\s/:]+(?::(?:443|80|88|8443))?\/[^\s]*$/,
      "an https URL with a path (Telegram sends webhooks only over HTTPS, on port 443, 80, 88 or 8443)",
    )
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "16–256 characters from A–Z, a–z, 0–9, _ and -")
    .optional(),
  TELEGRAM_RATE_PER_SECOND: positiveInt("a positive whole number").default(30),
  TELEGRAM_CHAT_INTERVAL_MS: z.coerce
    .number({ error: "a number of milliseconds ≥ 0" })
    .int("a number of milliseconds ≥ 0")
    .min(0, "a number of milliseconds ≥ 0")
    .default(1000),
  ZALO_APP_ID: z
    .string()
    .regex(/^[0-9]{1,32}$/, "the numeric app id of the Zalo app")
    .optional(),
  ZALO_APP_SECRET: z.string().min(1).optional(),
  ZALO_OA_SECRET_KEY: z.string().min(1).optional(),
  ZALO_ACCESS_TOKEN: z.string().min(1).optional(),
  ZALO_REFRESH_TOKEN: z.string().min(1).optional(),
  ZALO_API_BASE: httpUrl.default("https://openapi.zalo.me"),
  ZALO_OAUTH_BASE: httpUrl.default("https://oauth.zaloapp.com"),
  // Zalo re-sends an event with its original timestamp for ~1 h 50 min: 3 h covers the schedule.
  ZALO_SIGNATURE_MAX_AGE_SECONDS: positiveInt("a positive number of seconds").default(10_800),
  ZALO_REPLY_WINDOW_HOURS: positiveNumber("a positive number of hours").default(168),
  ZALO_RATE_PER_SECOND: positiveInt("a positive whole number").default(10),
  OUTBOUND_ATTEMPTS: positiveInt("a positive whole number").default(8),
  OUTBOUND_BACKOFF_MS: positiveInt("a positive number of milliseconds").default(2000),
  OUTBOUND_CONCURRENCY: positiveInt("a positive whole number").default(32),
  QUEUE_LOCK_SECONDS: positiveInt("a positive number of seconds").default(30),
  /** false: this instance only accepts webhooks and enqueues; workers run in other instances. */
  QUEUE_WORKERS: bool.default(true),
};
// --- end of channel variables ------------------------------------------------------------------

// --- Escalation, staff console and metrics (issues 6 and 7) -------------------------------------
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "a time like 08:00");
const isoDates = z
  .string()
  .regex(
    /^(?:\d{4}-\d{2}-\d{2}(?:\s*,\s*\d{4}-\d{2}-\d{2})*)?$/,
    "comma-separated dates like 2027-01-01,2027-04-30",
  )
  .transform((v) => (v ? v.split(",").map((d) => d.trim()) : []));

const escalationVariables = {
  /** First response due within this many working hours of a case being opened. */
  SLA_FIRST_RESPONSE_HOURS: positiveNumber("a positive number of working hours").default(8),
  /** A reminder goes to staff this long before the first-response deadline. */
  SLA_REMINDER_MINUTES: positiveInt("a positive number of minutes").default(60),
  WORKDAY_START: clockTime.default("07:30"),
  WORKDAY_END: clockTime.default("17:00"),
  /** Days off besides Saturdays and Sundays (public holidays, Tết), as YYYY-MM-DD. */
  HOLIDAYS: isoDates.default([]),
  /** Closed cases are anonymized this many days after closing. */
  CASE_RETENTION_DAYS: positiveInt("a positive number of days").default(365),
  STAFF_SESSION_HOURS: positiveNumber("a positive number of hours").default(12),
  STAFF_LOGIN_PER_MINUTE: positiveInt("a positive whole number").default(10),
  /** Raw usage and case events are kept this many days; daily rollups are kept for years. */
  EVENTS_RETENTION_DAYS: positiveInt("a positive number of days").default(400),
  /**
   * Questions one chat session counts toward the report totals per hour; more are shown apart. A person
   * asks a few an hour, rarely 20; past 30 a session is a script (the public ask API lets anyone write one).
   */
  METRICS_QUESTIONS_PER_SESSION_HOUR: positiveInt("a positive whole number").default(30),
  /**
   * Questions one network (web chat and public API only) counts toward the totals per hour; more are shown
   * apart. Mobile carriers put many people behind one address (CGNAT), hence well above one person's use.
   */
  METRICS_QUESTIONS_PER_ADDRESS_HOUR: positiveInt("a positive whole number").default(120),
  /** `/metrics` is served to these CIDR ranges (comma-separated) or with METRICS_TOKEN. */
  METRICS_ALLOW: z.string().default("127.0.0.1/32,::1/128"),
  METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
};
// --- end of escalation variables -----------------------------------------------------------------

/**
 * The environment, as the service reads it. Every variable is documented in `.env.example`
 * and the README; defaults are safe for a developer's machine.
 */
export const envSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], { error: "development, production or test" })
    .default("development"),
  PORT: port.default(3000),
  HOST: z.string().min(1, "a host name or address").default("127.0.0.1"),
  PUBLIC_BASE_URL: httpUrl.optional(),
  /**
   * Which proxies may set X-Forwarded-For: false, a number of hops (1 = the one reverse proxy in
   * front), or addresses/CIDRs ("loopback, 10.0.0.0/8"). `true` trusts anyone, so any client could
   * pose as an allowed address; it is refused.
   */
  TRUST_PROXY: z
    .string()
    .regex(
      /^(?:false|0|no|[1-9]\d?|(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?)(?:\s*,\s*(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?))*)$/,
      "false, a number of proxy hops like 1, or addresses/CIDRs like loopback,10.0.0.0/8 (not true)",
    )
    .transform((v): false | number | string =>
      v === "false" || v === "0" || v === "no" ? false : /^\d+$/.test(v) ? Number(v) : v.replace(/\s+/g, ""),
    )
    .default(false),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  /** Unset: readable lines in development (when pino-pretty is installed), JSON otherwise. */
  LOG_FORMAT: z.enum(["json", "pretty"], { error: "json or pretty" }).optional(),
  DATA_DIR: z.string().min(1, "a directory path").default("./data"),

  MEILI_URL: httpUrl.optional(),
  MEILI_MASTER_KEY: z.string().min(16, "at least 16 characters").optional(),
  MEILI_INDEX: prefix.default("faq"),
  MEILI_BINARY: z.string().min(1, "a path to the meilisearch binary").optional(),

  REDIS_URL: redisUrl.default("redis://127.0.0.1:6379"),
  REDIS_PREFIX: prefix.default("tlpl"),
  /** On a Redis Cluster: each module's keys carry a hash tag, BullMQ's prefix is braced (changes every key name). */
  REDIS_CLUSTER_HASH_TAGS: bool.default(false),
  /** Seed nodes of a Redis Cluster: set, the app connects to the cluster (REDIS_URL gives only credentials and TLS). */
  REDIS_CLUSTER_NODES: redisNodes.optional(),
  HASH_SECRET: z.string().min(16, "at least 16 characters").optional(),

  CONTENT_DIR: z.string().min(1, "a directory path").default("./content"),
  INDEX_CONFIG_DIR: z.string().min(1, "a directory path").default("./index-config"),
  REINDEX_ON_START: bool.default(true),
  CONTENT_UPDATES: z.enum(["review", "apply"], { error: "review or apply" }).optional(),

  ORG_NAME: z.string().min(1).default(`Sở Tư pháp tỉnh ${EXAMPLE_MARK}`),
  ORG_LEGAL_AID_CENTER_NAME: z
    .string()
    .min(1)
    .default(`Trung tâm Trợ giúp pháp lý nhà nước tỉnh ${EXAMPLE_MARK}`),
  ORG_LEGAL_AID_ADDRESS: z
    .string()
    .min(1)
    .default(`${EXAMPLE_MARK} địa chỉ của Trung tâm — đặt ORG_LEGAL_AID_ADDRESS`),
  ORG_LEGAL_AID_PHONE: z
    .string()
    .min(1)
    .default(`${EXAMPLE_MARK} số điện thoại của Trung tâm — đặt ORG_LEGAL_AID_PHONE`),
  ORG_OPENING_HOURS: z.string().min(1).default(`${EXAMPLE_MARK} 7:30–17:00, thứ Hai đến thứ Sáu`),

  ANSWER_MIN_SCORE: fraction.default(0.2),
  ANSWER_MIN_GAP: fraction.default(0.18),
  CHOICES_MIN_SCORE: fraction.default(0.14),
  ANSWER_MIN_COVERAGE: fraction.default(0.4),
  ALTERNATIVES_MAX_RATIO: fraction.default(0.85),
  ALTERNATIVES_COVERAGE_LEAD: fraction.default(0.3),
  CHOICES_MIN_COVERAGE: fraction.default(0.45),
  SEARCH_TIMEOUT_MS: positiveInt("a positive number of milliseconds").default(1500),
  SESSION_TTL_SECONDS: positiveInt("a positive number of seconds").default(1800),
  RATE_LIMIT_IP_PER_MINUTE: positiveInt("a positive whole number").default(120),
  RATE_LIMIT_SESSION_PER_MINUTE: positiveInt("a positive whole number").default(30),
  USAGE_STREAM_MAXLEN: positiveInt("a positive whole number").default(1_000_000),

  TRANSLATE_PROVIDER: z.enum(["none", "google"], { error: "none or google" }).default("none"),
  TRANSLATE_HOST: z.string().min(1).default("translate.google.com"),
  TRANSLATE_TIMEOUT_MS: positiveInt("a positive number of milliseconds").default(3000),

  ...channelVariables,
  ...escalationVariables,
});

export type Env = z.infer<typeof envSchema>;
