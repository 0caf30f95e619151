import type { Redis } from "ioredis";
import { z } from "zod";
import { withRedisLock } from "../../redis/index.js";
import { ZaloApiError } from "./zalo-api-error.js";

/** The OA's access token, refreshed when Zalo says it expired. */
export interface ZaloTokenStore {
  /** Stores the configured pair unless a (newer) pair is already in Redis. */
  seed(accessToken?: string, refreshToken?: string): Promise<void>;
  accessToken(): Promise<string>;
  /**
   * Replaces `stale` with a new access token. A refresh token works once, so one refresher at a
   * time (a Redis lock) and a caller that finds the token already replaced just takes the new one.
   */
  refresh(stale: string): Promise<string>;
}

const refreshAnswer = z.union([
  z.object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    expires_in: z.union([z.string(), z.number()]).transform(Number).optional(),
  }),
  z.looseObject({
    error: z.number(),
    error_name: z.string().optional(),
    error_description: z.string().optional(),
    message: z.string().optional(),
  }),
]);

const EARLY_REFRESH_MS = 5 * 60_000;

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
  const key = `${deps.prefix}:zalo:tokens`;
  const lockKey = `${deps.prefix}:lock:zalo-token`;
  const now = deps.now ?? Date.now;
  const doFetch = deps.fetch ?? fetch;

  async function callRefresh(
    refreshToken: string,
  ): Promise<{ access: string; refresh: string; expiresAt?: number }> {
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
    const parsed = refreshAnswer.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success)
      throw new ZaloApiError(0, `Zalo OAuth answered HTTP ${res.status} with an unknown body`);
    const body = parsed.data;
    if ("error" in body) {
      throw new ZaloApiError(
        body.error,
        `token refresh refused: ${body.error_name ?? body.message ?? body.error}`,
      );
    }
    return {
      access: body.access_token,
      refresh: body.refresh_token,
      expiresAt: body.expires_in ? now() + body.expires_in * 1000 : undefined,
    };
  }

  const store: ZaloTokenStore = {
    async seed(accessToken, refreshToken) {
      const multi = redis.multi();
      if (accessToken) multi.hsetnx(key, "access", accessToken);
      if (refreshToken) multi.hsetnx(key, "refresh", refreshToken);
      await multi.exec();
    },

    async accessToken() {
      const [access, expiresAt] = await redis.hmget(key, "access", "expiresAt");
      if (!access)
        throw new ZaloApiError(0, "no Zalo access token: set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN");
      if (expiresAt && Number(expiresAt) - now() < EARLY_REFRESH_MS) {
        return store.refresh(access).catch(() => access);
      }
      return access;
    },

    refresh(stale) {
      return withRedisLock(
        redis,
        lockKey,
        async () => {
          const [access, refreshToken] = await redis.hmget(key, "access", "refresh");
          if (access && access !== stale) return access; // another caller refreshed it meanwhile
          if (!refreshToken) throw new ZaloApiError(0, "no Zalo refresh token: set ZALO_REFRESH_TOKEN");
          const next = await callRefresh(refreshToken);
          // The old refresh token is spent: the new pair must land together or not at all.
          await redis
            .multi()
            .hset(key, {
              access: next.access,
              refresh: next.refresh,
              expiresAt: String(next.expiresAt ?? ""),
            })
            .exec();
          return next.access;
        },
        { ttlMs: 30_000, waitMs: 60_000 },
      );
    },
  };
  return store;
}
