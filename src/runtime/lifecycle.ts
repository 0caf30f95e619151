import type { Logger } from "../logging/index.js";

type Closer = { readonly name: string; readonly close: () => Promise<void> | void };

/**
 * Remembers what was started so it can be stopped in reverse order, on a signal or when
 * start-up fails half-way (no orphan process is left either way).
 */
export class Lifecycle {
  readonly #closers: Closer[] = [];
  #closing: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly stepTimeoutMs = 10_000,
  ) {}

  /** Registers a resource to close at shutdown; later registrations close first. */
  defer(name: string, close: () => Promise<void> | void): void {
    this.#closers.push({ name, close });
  }

  /** Closes every registered resource once, each bounded by the step timeout. */
  shutdown(): Promise<void> {
    this.#closing ??= (async () => {
      for (const closer of this.#closers.reverse()) {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            Promise.resolve().then(closer.close),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error("timed out")), this.stepTimeoutMs);
            }),
          ]);
          this.logger.debug({ resource: closer.name }, "closed");
        } catch (err) {
          this.logger.warn({ resource: closer.name, err }, "close failed");
        } finally {
          clearTimeout(timer);
        }
      }
    })();
    return this.#closing;
  }
}
