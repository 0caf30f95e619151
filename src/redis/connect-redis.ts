import { Redis, type RedisOptions } from "ioredis";
import { DependencyError } from "../errors/index.js";
import type { RedisOutage } from "./redis-outage.js";

/**
 * How long one command may wait for its reply on the app's client. It bounds a request whose
 * command was already sent when Redis went away (ioredis would resend it on reconnect), or that
 * a hung Redis never answers; generous, so a starved CPU does not fail healthy commands.
 */
export const COMMAND_TIMEOUT_MS = 3000;

/** Reconnect soon after Redis is back: 100 ms, doubling, at most 2 s between attempts. */
const reconnectDelay = (times: number) => Math.min(100 * 2 ** (times - 1), 2000);

/** Options of this app's clients (legacy reply mapping, as `new Redis(url)` gives). */
type Options = RedisOptions & { replyMapping?: "legacy" };

/** An ioredis client whose connection, and each `duplicate()`'s, is watched by one RedisOutage. */
class WatchedRedis extends Redis {
  readonly #outage: RedisOutage;

  constructor(url: string | undefined, options: Options, outage: RedisOutage) {
    if (url === undefined) super(options);
    else super(url, options);
    this.#outage = outage;
    outage.watch(this);
  }

  /**
   * A connection of its own, for a blocking read or a subscription: it connects at once, queues
   * what is sent before it is ready (up to `maxRetriesPerRequest` reconnects) and has no command
   * timeout, since a blocking read waits longer than any command should.
   */
  override duplicate(override: Partial<RedisOptions> = {}): ReturnType<Redis["duplicate"]> {
    return new WatchedRedis(
      undefined,
      {
        ...(this.options as Options),
        lazyConnect: false,
        enableOfflineQueue: true,
        commandTimeout: undefined,
        ...(override as Partial<Options>),
      },
      this.#outage,
    );
  }
}

/**
 * The app's Redis client, connected: while Redis does not answer, a command fails at once (no
 * offline queue) instead of waiting for reconnects, so a request that needs Redis can answer 503
 * fast; it reconnects by itself. Rejects when Redis does not answer within `timeoutMs`.
 */
export async function connectRedis(
  url: string,
  outage: RedisOutage,
  options: { timeoutMs?: number } = {},
): Promise<Redis> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const client = new WatchedRedis(
    url,
    {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 5000,
      retryStrategy: reconnectDelay,
      enableAutoPipelining: true,
    },
    outage,
  );
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new DependencyError("redis", `Redis did not answer within ${timeoutMs} ms.`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    client.disconnect();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return client;
}
