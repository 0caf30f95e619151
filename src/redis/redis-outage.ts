import type { EventEmitter } from "node:events";
import type { Logger } from "../logging/index.js";

/**
 * Whether Redis answers, as the app's connections see it. Every watched connection gets an 'error'
 * listener (no "Unhandled error event"), and the process logs ONE line when Redis becomes
 * unreachable and one when it is back, however many connections and commands fail meanwhile.
 */
export class RedisOutage {
  #downSince: number | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** True from a connection's first error or lost connection until a connection is ready again. */
  get down(): boolean {
    return this.#downSince !== undefined;
  }

  /** Listens to a connection's errors and reconnections (an ioredis client). */
  watch(connection: EventEmitter): void {
    connection.on("error", (error: Error) => this.#failed(error));
    // A connection lost without being closed by us: ioredis reconnects, and Redis is not there meanwhile.
    connection.on("reconnecting", () => this.#failed());
    connection.on("ready", () => this.#recovered());
  }

  #failed(error?: Error): void {
    if (this.#downSince !== undefined) return;
    this.#downSince = this.now();
    const code = (error as { code?: unknown } | undefined)?.code;
    this.logger.error(
      { err: error?.message ?? "connection lost", ...(typeof code === "string" ? { code } : {}) },
      "redis unreachable: requests that need it answer 503 until it is back",
    );
  }

  #recovered(): void {
    if (this.#downSince === undefined) return;
    const downMs = this.now() - this.#downSince;
    this.#downSince = undefined;
    this.logger.info({ downMs }, "redis reachable again");
  }
}
