import { type ChildProcess, spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";

/** A service process this app started and must stop. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves with the exit code (or the signal's name) once the process has ended, for whatever reason. */
  readonly exited: Promise<number | string>;
  /** Stops the process (SIGTERM, then SIGKILL after `graceMs`) and removes its pid file. */
  stop(graceMs?: number): Promise<void>;
}

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills a process left behind by an earlier run that died without cleaning up (its pid file
 * still names a live process running `command`), so no orphan holds the data dir.
 */
export async function killStale(pidFile: string, command: string): Promise<void> {
  const pid = Number.parseInt(await readFile(pidFile, "utf8").catch(() => ""), 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (!cmdline.includes(command)) return;
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
  await rm(pidFile, { force: true });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Spawns a long-running service, records its pid, and keeps the tail of its stderr for error messages. */
export async function spawnManaged(
  name: string,
  command: string,
  args: string[],
  pidFile: string,
  /** Extra environment (secrets go here, never in `args`, which every local user sees in `ps`). */
  env: Readonly<Record<string, string>> = {},
): Promise<{ child: ChildProcess; managed: ManagedProcess; stderrTail: () => string }> {
  const child = spawn(command, args, {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...env },
  });
  let tail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-2000);
  });
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", () => resolve());
    child.once("error", reject);
  });
  const pid = child.pid ?? 0;
  await writeFile(pidFile, String(pid));
  let exited = child.exitCode !== null;
  const exit = new Promise<number | string>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    child.once("exit", (code, signal) => {
      exited = true;
      resolve(code ?? signal ?? "unknown");
    });
  });
  const managed: ManagedProcess = {
    name,
    pid,
    exited: exit,
    async stop(graceMs = 5000) {
      if (!exited) {
        child.kill("SIGTERM");
        const deadline = Date.now() + graceMs;
        while (!exited && Date.now() < deadline) await sleep(50);
        if (!exited) child.kill("SIGKILL");
        while (!exited) await sleep(20);
      }
      await rm(pidFile, { force: true });
    },
  };
  return { child, managed, stderrTail: () => tail.trim().split("\n").slice(-6).join(" | ") };
}
