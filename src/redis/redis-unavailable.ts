/** What ioredis and BullMQ say when Redis does not answer (no connection, or not serving yet). */
const UNAVAILABLE_MESSAGES = [
  "enableOfflineQueue options is false",
  "Connection is closed",
  "max retries per request",
  "Command timed out",
  "LOADING",
];
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/**
 * True when `error` (or one of its causes) means Redis could not be reached, rather than a bad
 * command or a bug: the request that met it can only be answered "try again later" (503).
 */
export function isRedisUnavailable(error: unknown): boolean {
  // `error` is where grammY's BotError keeps what the middleware threw.
  for (
    let e = error, depth = 0;
    e instanceof Error && depth < 5;
    e = e.cause ?? (e as { error?: unknown }).error, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (e.name === "MaxRetriesPerRequestError" || e.name === "ConnectionClosedError") return true;
    if (UNAVAILABLE_MESSAGES.some((m) => e instanceof Error && e.message.includes(m))) return true;
  }
  return false;
}
