import path from "node:path";
import { ConfigError } from "../errors/index.js";
import { redisKeyPrefix } from "../redis/index.js";
import { type Env, EXAMPLE_MARK, envSchema } from "./config-schema.js";

/** The one configuration object, parsed once at start and passed down frozen. */
export interface Config {
  readonly env: Env["NODE_ENV"];
  readonly http: {
    readonly port: number;
    readonly host: string;
    readonly publicBaseUrl: string;
    /** express's "trust proxy": false, a hop count, or addresses/CIDRs. */
    readonly trustProxy: false | number | string;
  };
  readonly logLevel: Env["LOG_LEVEL"];
  readonly logFormat: "json" | "pretty";
  readonly dataDir: string;
  readonly meili: {
    readonly url?: string;
    readonly masterKey?: string;
    readonly index: string;
    readonly binary?: string;
  };
  readonly redis: {
    readonly url: string;
    /** The prefix keys are built from: REDIS_PREFIX, or `{REDIS_PREFIX}` with REDIS_CLUSTER_HASH_TAGS (see `redisKeyPrefix`). */
    readonly prefix: string;
    /** REDIS_CLUSTER_NODES: a Redis Cluster's seed nodes; unset, one server at `url`. */
    readonly clusterNodes?: readonly { readonly host: string; readonly port: number }[];
  };
  readonly hashSecret?: string;
  readonly content: {
    readonly dir: string;
    readonly indexConfigDir: string;
    readonly reindexOnStart: boolean;
    /**
     * What a newer CONTENT_DIR (a new release's corpus) does to the store at start: `review` puts new and
     * changed FAQs in the review queue; `apply` also updates FAQs nobody edited in the console. Edits made in
     * the console are never overwritten by either.
     */
    readonly updates: "review" | "apply";
  };
  readonly org: OrgConfig;
  readonly engine: {
    readonly answerMinScore: number;
    readonly answerMinGap: number;
    readonly choicesMinScore: number;
    readonly answerMinCoverage: number;
    readonly alternativesMaxRatio: number;
    readonly alternativesCoverageLead: number;
    readonly choicesMinCoverage: number;
    readonly searchTimeoutMs: number;
    readonly sessionTtlSeconds: number;
  };
  readonly rateLimit: { readonly ipPerMinute: number; readonly sessionPerMinute: number };
  readonly usage: { readonly streamMaxLen: number };
  readonly translate: {
    readonly provider: "none" | "google";
    readonly host: string;
    readonly timeoutMs: number;
  };
  readonly channels: ChannelsConfig;
  readonly escalation: EscalationConfig;
  readonly staff: {
    readonly sessionTtlSeconds: number;
    readonly loginPerMinute: number;
    /** Session cookies carry `Secure` when the public URL is https. */
    readonly secureCookies: boolean;
  };
  readonly metrics: {
    readonly eventsRetentionDays: number;
    /** Per-hour counting caps of the report totals (planted traffic is shown apart, not added). */
    readonly questionsPerSessionHour: number;
    readonly questionsPerAddressHour: number;
    readonly allow: readonly string[];
    readonly token?: string;
  };
}

/** Service levels of legal-aid cases, counted in working hours of Vietnam's time zone. */
export interface EscalationConfig {
  readonly firstResponseHours: number;
  readonly reminderMinutes: number;
  /** "HH:MM" local time (Asia/Ho_Chi_Minh). */
  readonly workdayStart: string;
  readonly workdayEnd: string;
  /** YYYY-MM-DD days off besides weekends. */
  readonly holidays: readonly string[];
  readonly retentionDays: number;
}

/** Organisation details shown to citizens; never hard-coded in content. */
export interface OrgConfig {
  readonly name: string;
  readonly legalAidCenterName: string;
  readonly legalAidAddress: string;
  readonly legalAidPhone: string;
  readonly openingHours: string;
}

// --- Channels (issue 5): Telegram, Zalo OA, outbound delivery ------------------------------------
/** Messenger channels; a platform is undefined when its secrets are not set. */
export interface ChannelsConfig {
  readonly telegram?: {
    readonly token: string;
    readonly apiRoot: string;
    /** Webhook mode when set; long polling otherwise. */
    readonly webhook?: { readonly url: string; readonly path: string; readonly secret: string };
    readonly ratePerSecond: number;
    readonly chatIntervalMs: number;
  };
  readonly zalo?: {
    readonly appId: string;
    readonly appSecret?: string;
    readonly oaSecretKey: string;
    readonly accessToken?: string;
    readonly refreshToken?: string;
    readonly apiBase: string;
    readonly oauthBase: string;
    readonly signatureMaxAgeSeconds: number;
    readonly replyWindowHours: number;
    readonly ratePerSecond: number;
  };
  readonly outbound: {
    readonly attempts: number;
    readonly backoffMs: number;
    readonly concurrency: number;
    readonly lockSeconds: number;
    readonly workers: boolean;
  };
}

const CHANNEL_SECRET_KEYS = [
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
  "ZALO_APP_SECRET",
  "ZALO_OA_SECRET_KEY",
  "ZALO_ACCESS_TOKEN",
  "ZALO_REFRESH_TOKEN",
];

function channelsConfig(e: Env): ChannelsConfig {
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      "Config error: TELEGRAM_WEBHOOK_SECRET got nothing, expected a secret of 16–256 characters when TELEGRAM_WEBHOOK_URL is set",
    );
  }
  const trim = (url: string) => url.replace(/\/+$/, "");
  return {
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: trim(e.TELEGRAM_API_ROOT),
          webhook:
            e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
              ? {
                  url: e.TELEGRAM_WEBHOOK_URL,
                  path: new URL(e.TELEGRAM_WEBHOOK_URL).pathname,
                  secret: e.TELEGRAM_WEBHOOK_SECRET,
                }
              : undefined,
          ratePerSecond: e.TELEGRAM_RATE_PER_SECOND,
          chatIntervalMs: e.TELEGRAM_CHAT_INTERVAL_MS,
        }
      : undefined,
    zalo:
      e.ZALO_APP_ID && e.ZALO_OA_SECRET_KEY
        ? {
            appId: e.ZALO_APP_ID,
            appSecret: e.ZALO_APP_SECRET,
            oaSecretKey: e.ZALO_OA_SECRET_KEY,
            accessToken: e.ZALO_ACCESS_TOKEN,
            refreshToken: e.ZALO_REFRESH_TOKEN,
            apiBase: trim(e.ZALO_API_BASE),
            oauthBase: trim(e.ZALO_OAUTH_BASE),
            signatureMaxAgeSeconds: e.ZALO_SIGNATURE_MAX_AGE_SECONDS,
            replyWindowHours: e.ZALO_REPLY_WINDOW_HOURS,
            ratePerSecond: e.ZALO_RATE_PER_SECOND,
          }
        : undefined,
    outbound: {
      attempts: e.OUTBOUND_ATTEMPTS,
      backoffMs: e.OUTBOUND_BACKOFF_MS,
      concurrency: e.OUTBOUND_CONCURRENCY,
      lockSeconds: e.QUEUE_LOCK_SECONDS,
      workers: e.QUEUE_WORKERS,
    },
  };
}
// --- end of channels --------------------------------------------------------------------------------

const SECRET_KEYS = new Set(["MEILI_MASTER_KEY", "HASH_SECRET", "METRICS_TOKEN", ...CHANNEL_SECRET_KEYS]);

function describe(key: string, value: unknown): string {
  if (value === undefined) return "nothing";
  if (SECRET_KEYS.has(key)) return "a value (hidden)";
  return JSON.stringify(String(value).slice(0, 60));
}

/**
 * Parses the environment into a frozen {@link Config}.
 * @throws ConfigError with a one-line message naming the variable, what it got and what it expects.
 */
export function loadConfig(source: Record<string, string | undefined> = {}): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== "") raw[key] = value.trim();
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "?");
    throw new ConfigError(
      `Config error: ${key} got ${describe(key, raw[key])}, expected ${issue?.message ?? "a valid value"}`,
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production") {
    if (!e.HASH_SECRET)
      throw new ConfigError(
        "Config error: HASH_SECRET got nothing, expected a secret of at least 16 characters in production",
      );
    for (const key of [
      "ORG_NAME",
      "ORG_LEGAL_AID_CENTER_NAME",
      "ORG_LEGAL_AID_ADDRESS",
      "ORG_LEGAL_AID_PHONE",
      "ORG_OPENING_HOURS",
    ] as const) {
      if (e[key].includes(EXAMPLE_MARK)) {
        throw new ConfigError(
          `Config error: ${key} got the example value, expected the real organisation detail in production`,
        );
      }
    }
  }
  // A cluster answers a script or MULTI only when its keys share a slot: the hash tags make them.
  if (e.REDIS_CLUSTER_NODES && !e.REDIS_CLUSTER_HASH_TAGS)
    throw new ConfigError(
      "Config error: REDIS_CLUSTER_HASH_TAGS got false, expected true when REDIS_CLUSTER_NODES is set (a cluster needs the hash tags)",
    );
  const config: Config = {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
      trustProxy: e.TRUST_PROXY,
    },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === "development" ? "pretty" : "json"),
    dataDir: path.resolve(e.DATA_DIR),
    meili: { url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY, index: e.MEILI_INDEX, binary: e.MEILI_BINARY },
    redis: {
      url: e.REDIS_URL,
      prefix: redisKeyPrefix({ prefix: e.REDIS_PREFIX, clusterHashTags: e.REDIS_CLUSTER_HASH_TAGS }),
      clusterNodes: e.REDIS_CLUSTER_NODES,
    },
    hashSecret: e.HASH_SECRET,
    content: {
      dir: path.resolve(e.CONTENT_DIR),
      indexConfigDir: path.resolve(e.INDEX_CONFIG_DIR),
      reindexOnStart: e.REINDEX_ON_START,
      updates: e.CONTENT_UPDATES ?? (e.NODE_ENV === "production" ? "review" : "apply"),
    },
    org: {
      name: e.ORG_NAME,
      legalAidCenterName: e.ORG_LEGAL_AID_CENTER_NAME,
      legalAidAddress: e.ORG_LEGAL_AID_ADDRESS,
      legalAidPhone: e.ORG_LEGAL_AID_PHONE,
      openingHours: e.ORG_OPENING_HOURS,
    },
    engine: {
      answerMinScore: e.ANSWER_MIN_SCORE,
      answerMinGap: e.ANSWER_MIN_GAP,
      choicesMinScore: e.CHOICES_MIN_SCORE,
      answerMinCoverage: e.ANSWER_MIN_COVERAGE,
      alternativesMaxRatio: e.ALTERNATIVES_MAX_RATIO,
      alternativesCoverageLead: e.ALTERNATIVES_COVERAGE_LEAD,
      choicesMinCoverage: e.CHOICES_MIN_COVERAGE,
      searchTimeoutMs: e.SEARCH_TIMEOUT_MS,
      sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    },
    rateLimit: { ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE, sessionPerMinute: e.RATE_LIMIT_SESSION_PER_MINUTE },
    usage: { streamMaxLen: e.USAGE_STREAM_MAXLEN },
    translate: { provider: e.TRANSLATE_PROVIDER, host: e.TRANSLATE_HOST, timeoutMs: e.TRANSLATE_TIMEOUT_MS },
    channels: channelsConfig(e),
    escalation: {
      firstResponseHours: e.SLA_FIRST_RESPONSE_HOURS,
      reminderMinutes: e.SLA_REMINDER_MINUTES,
      workdayStart: e.WORKDAY_START,
      workdayEnd: e.WORKDAY_END,
      holidays: e.HOLIDAYS,
      retentionDays: e.CASE_RETENTION_DAYS,
    },
    staff: {
      sessionTtlSeconds: Math.round(e.STAFF_SESSION_HOURS * 3600),
      loginPerMinute: e.STAFF_LOGIN_PER_MINUTE,
      secureCookies: (e.PUBLIC_BASE_URL ?? "").startsWith("https://"),
    },
    metrics: {
      eventsRetentionDays: e.EVENTS_RETENTION_DAYS,
      questionsPerSessionHour: e.METRICS_QUESTIONS_PER_SESSION_HOUR,
      questionsPerAddressHour: e.METRICS_QUESTIONS_PER_ADDRESS_HOUR,
      allow: e.METRICS_ALLOW.split(",")
        .map((r) => r.trim())
        .filter(Boolean),
      token: e.METRICS_TOKEN,
    },
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Names of organisation fields still holding demo values, for a start-up warning. */
export function exampleOrgFields(org: OrgConfig): string[] {
  return Object.entries(org)
    .filter(([, v]) => v.includes(EXAMPLE_MARK))
    .map(([k]) => k);
}
