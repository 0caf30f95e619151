import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import {
  DEFAULT_LEXICAL_OPTIONS,
  type LexicalData,
  LexicalIndex,
  type LexicalOptions,
  type RankedDoc,
} from "./lexical-index.js";

/** tsx's ESM API (a dev dependency: only sources need it), found without `import.meta.resolve` (vitest lacks it). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = pkg.exports["./esm/api"]?.import.default ?? "./dist/esm/api/index.mjs";
  return new URL(entry, pathToFileURL(manifest)).href;
}

/**
 * The worker's entry. A build runs the compiled `.js`; run from TypeScript sources (tsx, vitest),
 * a worker does not inherit the TypeScript loader on Node 20, so a tiny module registers tsx first.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith(".ts")) return new URL("./lexical-worker.js", import.meta.url);
  const source = new URL("./lexical-worker.ts", import.meta.url);
  const boot = `import { register } from ${JSON.stringify(tsxEsmApi())};
register();
await import(${JSON.stringify(source.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/**
 * Builds a {@link LexicalIndex} in a worker thread of its own: the hundreds of ms of CPU it takes
 * (DESIGN.md: nothing slow on the request path) never block the event loop that answers citizens
 * and webhooks. Rejects when the worker fails; the caller keeps what it had.
 */
export function buildLexicalInWorker(
  docs: readonly RankedDoc[],
  options: LexicalOptions = DEFAULT_LEXICAL_OPTIONS,
): Promise<LexicalIndex> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(), { workerData: { docs, options } });
    // A build cut short by a shutdown must not keep the process alive.
    worker.unref();
    let settled = false;
    worker.once("message", (data: LexicalData) => {
      settled = true;
      resolve(new LexicalIndex(data));
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(new Error("building the search ranking failed in its worker", { cause: error }));
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the search ranking worker exited with code ${code} before answering`));
    });
  });
}
