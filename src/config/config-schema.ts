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

const httpUrl = z.string().regex(/^https?:\/\/[^\s]+$/, "an http(s) URL");

const prefix = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "1–40 characters from A–Z, a–z, 0–9, _ and -");

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

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
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  DATA_DIR: z.string().min(1, "a directory path").default("./data"),

  MEILI_URL: httpUrl.optional(),
  MEILI_MASTER_KEY: z.string().min(16, "at least 16 characters").optional(),
  MEILI_INDEX: prefix.default("faq"),
  MEILI_BINARY: z.string().min(1, "a path to the meilisearch binary").optional(),

  REDIS_URL: redisUrl.default("redis://127.0.0.1:6379"),
  REDIS_PREFIX: prefix.default("tlpl"),
  HASH_SECRET: z.string().min(16, "at least 16 characters").optional(),

  CONTENT_DIR: z.string().min(1, "a directory path").default("./content"),
  INDEX_CONFIG_DIR: z.string().min(1, "a directory path").default("./index-config"),
  REINDEX_ON_START: bool.default(true),

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

  ANSWER_MIN_SCORE: fraction.default(0.16),
  ANSWER_MIN_GAP: fraction.default(0.06),
  CHOICES_MIN_SCORE: fraction.default(0.12),
  ANSWER_MIN_COVERAGE: fraction.default(0.5),
  SEARCH_TIMEOUT_MS: positiveInt("a positive number of milliseconds").default(1500),
  SESSION_TTL_SECONDS: positiveInt("a positive number of seconds").default(1800),
  RATE_LIMIT_IP_PER_MINUTE: positiveInt("a positive whole number").default(120),
  RATE_LIMIT_SESSION_PER_MINUTE: positiveInt("a positive whole number").default(30),
  USAGE_STREAM_MAXLEN: positiveInt("a positive whole number").default(1_000_000),

  TRANSLATE_PROVIDER: z.enum(["none", "google"], { error: "none or google" }).default("none"),
  TRANSLATE_HOST: z.string().min(1).default("translate.google.com"),
  TRANSLATE_TIMEOUT_MS: positiveInt("a positive number of milliseconds").default(3000),
});

export type Env = z.infer<typeof envSchema>;
