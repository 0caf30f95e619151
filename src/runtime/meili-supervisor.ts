import type { Logger } from "../logging/index.js";
import { type ManagedProcess, sleep } from "./child-process.js";
import { type MeiliEndpoint, startMeiliServer } from "./meili-server.js";

/** What `/health/ready` shows of the bundled Meilisearch. */
export interface MeiliProcessStatus {
  /** "running", or "restarting" between an unexpected exit and the next successful start. */
  readonly state: "running" | "restarting" | "stopped";
  readonly pid?: number;
  /** Restarts since the app started. */
  readonly restarts: number;
  readonly lastExit?: { readonly code: number | string; readonly at: string };
}

/** The bundled Meilisearch, kept running: same URL and key across restarts. */
export interface SupervisedMeili extends MeiliEndpoint {
  status(): MeiliProcessStatus;
  /** Stops it for good (no restart). */
  stop(): Promise<void>;
}

/** Restart delays: `initialMs`, doubling after each failed or short-lived start, at most `maxMs`. */
export interface RestartBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
  /** A process that ran this long resets the delay to `initialMs`. */
  readonly stableMs: number;
}

const DEFAULT_BACKOFF: RestartBackoff = { initialMs: 1000, maxMs: 60_000, stableMs: 60_000 };

/**
 * Starts the bundled Meilisearch (see startMeiliServer) and starts it again, on the same port with
 * the same key and data, whenever it exits without being asked to: after `initialMs`, doubling
 * while it keeps failing, one log line per restart. Meanwhile the app answers from its snapshot.
 */
export async function superviseMeili(options: {
  dataDir: string;
  binary?: string;
  masterKey?: string;
  logger: Logger;
  backoff?: Partial<RestartBackoff>;
}): Promise<SupervisedMeili> {
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const log = options.logger;
  const first = await startMeiliServer(options);
  const port = Number(new URL(first.url).port);
  let current: ManagedProcess | undefined = first.process;
  let startedAt = Date.now();
  let stopping = false;
  let wake: (() => void) | undefined;
  let status: MeiliProcessStatus = { state: "running", pid: current?.pid, restarts: 0 };

  /** Waits `ms`, or less when stop() is called meanwhile. */
  const pause = (ms: number) =>
    Promise.race([sleep(ms), new Promise<void>((resolve) => (wake = resolve))]).finally(() => {
      wake = undefined;
    });

  async function keepRunning(): Promise<void> {
    let failures = 0;
    while (!stopping && current) {
      const code = await current.exited;
      if (stopping) return;
      failures = Date.now() - startedAt >= backoff.stableMs ? 0 : failures;
      const lastExit = { code, at: new Date().toISOString() };
      status = { state: "restarting", restarts: status.restarts, lastExit };
      current = undefined;
      while (!stopping && !current) {
        const delayMs = Math.min(backoff.initialMs * 2 ** failures, backoff.maxMs);
        failures++;
        log.warn(
          { code, restart: status.restarts + 1, delayMs },
          "bundled Meilisearch exited unexpectedly; restarting it",
        );
        await pause(delayMs);
        if (stopping) return;
        try {
          const next = await startMeiliServer({ ...options, masterKey: first.masterKey, port });
          current = next.process;
          startedAt = Date.now();
          status = { state: "running", pid: current?.pid, restarts: status.restarts + 1, lastExit };
          log.info({ pid: current?.pid, restarts: status.restarts }, "bundled Meilisearch restarted");
        } catch (error) {
          log.warn({ err: (error as Error).message }, "bundled Meilisearch did not start");
        }
      }
    }
  }
  const supervising = keepRunning();

  return {
    url: first.url,
    masterKey: first.masterKey,
    status: () => status,
    async stop() {
      stopping = true;
      wake?.();
      await current?.stop();
      await supervising;
      status = { ...status, state: "stopped", pid: undefined };
    },
  };
}
