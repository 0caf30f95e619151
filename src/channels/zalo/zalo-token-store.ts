import type { Redis } from "ioredis";
import { z } from "zod";
import { redisKeys, withRedisLock } from "../../redis/index.js";
import { ZaloApiError } from "./zalo-api-error.js";
import { zaloKeys } from "./zalo-keys.js";

/**
 * The OA's token pair in Redis, shared by every instance. Zalo's access token lives 25 h and its
 * refresh token 3 months, and a refresh token works once (hoangnd25/monorepo
 * wip/zalo-platform-integration.md, "Token Types & Lifespans"): the pair is replaced together.
 */
export interface ZaloTokenStore {
  /** Stores the configured pair unless a (newer) pair is already in Redis. */
  seed(accessToken?: string, refreshToken?: string): Promise<void>;
  /** Puts a new pair in place of whatever is stored (an operator's `npm run zalo:tokens`). */
  replace(accessToken: string, refreshToken: string, expiresInSeconds?: number): Promise<void>;
  accessToken(): Promise<string>;
  /**
   * Replaces `stale` with a new access token. A refresh token works once, so one refresher at a
   * time (a Redis lock) and a caller that finds the token already replaced just takes the new one.
   */
  refresh(stale: string): Promise<string>;
  /**
   * Refreshes when the stored token expires within `marginMs`, or when its expiry is unknown (a
   * pair from config or `zalo:tokens`). Called on a timer, so an OA nobody writes to keeps a live
   * refresh token. Resolves true when it refreshed.
   */
  refreshIfDue(marginMs: number): Promise<boolean>;
  /** When the stored access token expires (epoch ms), if known. */
  expiresAt(): Promise<number | undefined>;
}

const tokens = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.string(), z.number()]).transform(Number).optional(),
});
// Zalo OAuth reports a refusal as error/error_name/error_description, sometimes with HTTP 200
// (chatwoot app/services/zalo_oa/client.rb raises on a body without access_token for that reason).
const refusal = z.looseObject({
  error: z.union([z.number(), z.string()]).optional(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

/** An access token's life when Zalo leaves out `expires_in` (25 h, the documented lifespan). */
const ACCESS_LIFETIME_SECONDS = 25 * 3600;

/** Zalo's reason for a refused refresh, as one line: "-14014 Invalid refresh token: Refresh token …". */
function refusalReason(body: z.infer<typeof refusal>, status: number): { code: number; reason: string } {
  const code = Number(body.error);
  const parts = [body.error_name, body.error_description ?? body.message].filter(Boolean);
  const reason = parts.length ? parts.join(": ") : `HTTP ${status}`;
  return { code: Number.isFinite(code) ? code : 0, reason };
}

export function redisZaloTokenStore(deps: {
  redis: Redis;
  prefix: string;
  oauthBase: string;
  appId: string;
  appSecret?: string;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}): ZaloTokenStore {
  const { redis } = deps;
  const key = zaloKeys(deps.prefix).tokens;
  const lockKey = redisKeys.lock(deps.prefix, "zalo-token");
  const now = deps.now ?? Date.now;
  const doFetch = deps.fetch ?? fetch;
  const lock = <T>(fn: () => Promise<T>) =>
    withRedisLock(redis, lockKey, fn, { ttlMs: 30_000, waitMs: 60_000 });

  async function callRefresh(
    refreshToken: string,
  ): Promise<{ access: string; refresh: string; expiresAt: number }> {
    if (!deps.appSecret)
      throw new ZaloApiError(0, "ZALO_APP_SECRET is not set: the access token cannot be refreshed");
    let res: Response;
    try {
      res = await doFetch(`${deps.oauthBase}/v4/oa/access_token`, {
        method: "POST",
        headers: { secret_key: deps.appSecret, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          refresh_token: refreshToken,
          app_id: deps.appId,
          grant_type: "refresh_token",
        }),
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new ZaloApiError(0, "Zalo OAuth did not answer", { cause: error });
    }
    const body: unknown = await res.json().catch(() => undefined);
    const ok = tokens.safeParse(body);
    if (ok.success) {
      const { access_token, refresh_token, expires_in } = ok.data;
      const seconds = expires_in && Number.isFinite(expires_in) ? expires_in : ACCESS_LIFETIME_SECONDS;
      return { access: access_token, refresh: refresh_token, expiresAt: now() + seconds * 1000 };
    }
    const refused = refusal.safeParse(body);
    if (!refused.success)
      throw new ZaloApiError(0, `Zalo OAuth answered HTTP ${res.status} with an unknown body`);
    const { code, reason } = refusalReason(refused.data, res.status);
    throw new ZaloApiError(code, `token refresh refused: ${code ? `${code} ` : ""}${reason}`);
  }

  /** Spends the refresh token for a new pair; call under the lock. */
  async function rotate(): Promise<string> {
    const refreshToken = await redis.hget(key, "refresh");
    if (!refreshToken) throw new ZaloApiError(0, "no Zalo refresh token: set ZALO_REFRESH_TOKEN");
    const next = await callRefresh(refreshToken);
    // The old refresh token is spent: the new pair must land together or not at all.
    await redis
      .multi()
      .hset(key, { access: next.access, refresh: next.refresh, expiresAt: String(next.expiresAt) })
      .exec();
    return next.access;
  }

  const store: ZaloTokenStore = {
    async seed(accessToken, refreshToken) {
      const multi = redis.multi();
      if (accessToken) multi.hsetnx(key, "access", accessToken);
      if (refreshToken) multi.hsetnx(key, "refresh", refreshToken);
      await multi.exec();
    },

    replace(accessToken, refreshToken, expiresInSeconds) {
      return lock(async () => {
        await redis
          .multi()
          .del(key)
          .hset(key, {
            access: accessToken,
            refresh: refreshToken,
            ...(expiresInSeconds ? { expiresAt: String(now() + expiresInSeconds * 1000) } : {}),
          })
          .exec();
      });
    },

    async accessToken() {
      const [access, expiresAt] = await redis.hmget(key, "access", "expiresAt");
      if (!access)
        throw new ZaloApiError(0, "no Zalo access token: set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN");
      // Past its known expiry the token cannot work: refresh first (Zalo would answer -220).
      if (expiresAt && Number(expiresAt) <= now()) return store.refresh(access).catch(() => access);
      return access;
    },

    refresh(stale) {
      return lock(async () => {
        const access = await redis.hget(key, "access");
        if (access && access !== stale) return access; // another caller refreshed it meanwhile
        return rotate();
      });
    },

    async refreshIfDue(marginMs) {
      const due = async () => {
        const [access, expiresAt] = await redis.hmget(key, "access", "expiresAt");
        return Boolean(access) && !(expiresAt && Number(expiresAt) - now() > marginMs);
      };
      if (!(await due())) return false;
      // Checked again under the lock: another instance may have refreshed meanwhile.
      return lock(async () => {
        if (!(await due())) return false;
        await rotate();
        return true;
      });
    },

    async expiresAt() {
      const value = await redis.hget(key, "expiresAt");
      return value ? Number(value) : undefined;
    },
  };
  return store;
}
