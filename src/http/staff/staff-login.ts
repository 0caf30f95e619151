import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { type LoginResult, type StaffAccounts, staffKeys } from "../../escalation/index.js";
import { HttpError } from "../http-error.js";

/** Logs a staff member in behind a per-IP limit shared by all instances through Redis. */
export interface StaffLogin {
  /** Resolves with the account's answer; throws HttpError 429 (with Retry-After) past the IP limit. */
  attempt(ip: string, username: string, password: string): Promise<LoginResult>;
}

export function staffLogin(deps: {
  readonly accounts: StaffAccounts;
  readonly redis: Redis;
  readonly prefix: string;
  readonly perMinute: number;
}): StaffLogin {
  const limiter = new RateLimiterRedis({
    storeClient: deps.redis,
    keyPrefix: staffKeys(deps.prefix).loginLimiter,
    points: deps.perMinute,
    duration: 60,
  });
  return {
    async attempt(ip, username, password) {
      try {
        await limiter.consume(ip || "unknown");
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new HttpError(
          429,
          "too_many_logins",
          `Bạn đăng nhập quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
          { headers: { "Retry-After": String(seconds) } },
        );
      }
      return deps.accounts.login(username, password);
    },
  };
}

/** The Vietnamese message for a failed login; one generic text for any wrong name or password. */
export function loginFailure(result: Exclude<LoginResult, { ok: true }>): HttpError {
  if (result.reason === "locked") {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return new HttpError(
      423,
      "account_locked",
      `Tài khoản tạm bị khóa vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${minutes} phút hoặc báo quản trị.`,
      { headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return new HttpError(401, "invalid_login", "Tên đăng nhập hoặc mật khẩu không đúng.");
}
