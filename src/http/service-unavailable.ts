import { isRedisUnavailable } from "../redis/index.js";
import { HttpError } from "./http-error.js";

/** How long a client is asked to wait (Retry-After) while a service a request needs is down. */
export const RETRY_AFTER_SECONDS = 5;

/** The 503 a request gets while a service it needs (Redis) does not answer: polite, with Retry-After. */
export function unavailable(cause?: unknown): HttpError {
  return new HttpError(503, "unavailable", "Hệ thống đang tạm gián đoạn. Bạn vui lòng thử lại sau ít phút.", {
    cause,
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}

/**
 * The 503 for an error that means Redis did not answer (the outage itself is logged once by the
 * Redis client, so the request is not logged as a failure); undefined for any other error.
 */
export function serviceUnavailable(error: unknown): HttpError | undefined {
  return isRedisUnavailable(error) ? unavailable(error) : undefined;
}
