import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The real entry point running as a child process, as `npm start` runs it (same process tree). */
export interface AppProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** Resolves when `/health/ready` answers 200; rejects after `timeoutMs` or if the process exits. */
  waitReady(timeoutMs?: number): Promise<number>;
}

/** How to run the app: by default src/main.ts through tsx from the repository; an image layout passes its CMD. */
export interface AppCommand {
  readonly argv: readonly string[];
  readonly cwd: string;
}

export function spawnApp(
  env: Record<string, string>,
  port: number,
  command: AppCommand = {
    argv: [process.execPath, "--import", "tsx", path.join(ROOT, "src/main.ts")],
    cwd: ROOT,
  },
): AppProcess {
  const started = Date.now();
  const [program = process.execPath, ...args] = command.argv;
  const child = spawn(program === "node" ? process.execPath : program, args, {
    cwd: command.cwd,
    env: { PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  child.stderr?.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      done = true;
      resolve(code ?? signal ?? "unknown");
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    baseUrl,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitReady(timeoutMs = 30_000) {
      const deadline = started + timeoutMs;
      while (Date.now() < deadline) {
        if (done) throw new Error(`app exited before ready: ${err.slice(-800)}`);
        try {
          const res = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(1000) });
          if (res.status === 200) return Date.now() - started;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`not ready within ${timeoutMs} ms: ${err.slice(-800)}`);
    },
  };
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
