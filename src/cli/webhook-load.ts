import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { LoadCommand, LoadResult, PackedRequests } from "./webhook-load-process.js";

/** What one burst or sustained run measured: latencies (ms) of the 200s, and the other answers. */
export interface LoadRun {
  readonly latencies: number[];
  readonly failures: number;
  /** Status of each answer that was not 200 (0 never appears: a broken connection fails the run). */
  readonly statuses: number[];
  /** From the first write to the last answer, as the load process measured it. */
  readonly seconds: number;
}

export interface WebhookLoad {
  /** Writes every request at once, one per connection (no more than there are), and waits for all the answers. */
  burst(requests: readonly string[]): Promise<LoadRun>;
  /** Keeps every connection busy for `seconds` (each sends its next request once answered). */
  sustain(requests: readonly string[], seconds: number): Promise<LoadRun>;
  close(): Promise<void>;
}

/**
 * A load generator for webhook benchmarks: requests are built (and signed) before the clock starts,
 * written raw on kept-alive connections from a process of their own, and timed from the write to the
 * end of the answer. What it measures is the server, not the client: an HTTP client library building
 * and signing each request in the same event loop as the fakes added more than half of the target
 * to every figure (README, bench).
 */
export async function startWebhookLoad(o: {
  host: string;
  port: number;
  connections: number;
}): Promise<WebhookLoad> {
  // From the sources (the bench, tests) the process is the .ts file, run through tsx; built, the .js.
  const fromSource = import.meta.url.endsWith(".ts");
  const child = fork(
    fileURLToPath(
      new URL(fromSource ? "./webhook-load-process.ts" : "./webhook-load-process.js", import.meta.url),
    ),
    [o.host, String(o.port), String(o.connections)],
    { execArgv: fromSource ? ["--import", "tsx"] : [], serialization: "advanced", stdio: "inherit" },
  );
  const next = () =>
    new Promise<LoadResult>((resolve, reject) => {
      const onExit = (code: number | null) => {
        child.off("message", onMessage);
        reject(new Error(`load generator exited (${code})`));
      };
      const onMessage = (result: LoadResult) => {
        child.off("exit", onExit);
        resolve(result);
      };
      child.once("message", onMessage);
      child.once("exit", onExit);
    });
  const ready = await next();
  if (ready.type !== "ready") throw new Error(`load generator did not start: ${JSON.stringify(ready)}`);

  const run = async (command: LoadCommand): Promise<LoadRun> => {
    const answer = next();
    child.send(command);
    const result = await answer;
    if (result.type === "error") throw new Error(`load generator: ${result.message}`);
    if (result.type !== "done") throw new Error(`load generator answered ${result.type}`);
    return result;
  };
  return {
    burst: (requests) => run({ type: "burst", requests: pack(requests) }),
    sustain: (requests, seconds) => run({ type: "sustain", requests: pack(requests), seconds }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.send({ type: "close" } satisfies LoadCommand);
      await exited;
    },
  };
}

function pack(requests: readonly string[]): PackedRequests {
  const offsets = new Uint32Array(requests.length + 1);
  let size = 0;
  requests.forEach((r, i) => {
    size += Buffer.byteLength(r);
    offsets[i + 1] = size;
  });
  const data = Buffer.allocUnsafe(size);
  requests.forEach((r, i) => {
    data.write(r, offsets[i] as number);
  });
  return { data, offsets };
}

/** A POST as it goes on the wire (HTTP/1.1, kept alive), with its body's length in bytes. */
export function rawPost(o: {
  host: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}): string {
  let head = `POST ${o.path} HTTP/1.1\r\nhost: ${o.host}\r\ncontent-length: ${Buffer.byteLength(o.body)}\r\n`;
  for (const [name, value] of Object.entries(o.headers)) {
    if (/[\r\n]/.test(name + value)) throw new Error(`header ${name} holds a line break`);
    head += `${name}: ${value}\r\n`;
  }
  return `${head}\r\n${o.body}`;
}

/** The q-quantile (0..1) of sorted values, rounded to 0.1 ms; 0 for none. */
export function quantile(sorted: readonly number[], q: number): number {
  const v = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return Math.round(v * 10) / 10;
}

/** p50, p99 and the largest of some latencies (ms, any order). */
export function latencySummary(ms: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...ms].sort((x, y) => x - y);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: quantile(sorted, 1) };
}
