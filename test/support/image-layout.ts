import { execFile } from "node:child_process";
import { cp, mkdir, readFile, rm, stat, symlink } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** One Dockerfile instruction, continuation lines joined. */
export interface Instruction {
  readonly op: string;
  readonly args: string;
  readonly line: number;
}

/** A `FROM … AS name` stage and its instructions. */
export interface Stage {
  readonly name: string;
  readonly from: string;
  readonly instructions: readonly Instruction[];
}

/** The stages of a Dockerfile, in order; comments and the `# syntax` line are skipped. */
export function parseDockerfile(text: string): Stage[] {
  const stages: { name: string; from: string; instructions: Instruction[] }[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i] ?? "";
    while (logical.trimEnd().endsWith("\\") && i + 1 < lines.length) {
      logical = `${logical.trimEnd().slice(0, -1)} ${lines[++i]?.trim() ?? ""}`;
    }
    const trimmed = logical.trim();
    if (!trimmed || trimmed.startsWith("#")) continue;
    const [op = "", ...rest] = trimmed.split(/\s+/);
    const args = rest.join(" ");
    if (op.toUpperCase() === "FROM") {
      const [from = "", as, name] = args.split(/\s+/);
      stages.push({
        from,
        name: as?.toUpperCase() === "AS" && name ? name : String(stages.length),
        instructions: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile line ${start + 1}: ${op} before FROM`);
    stage.instructions.push({ op: op.toUpperCase(), args, line: start + 1 });
  }
  return stages;
}

/** A runtime stage laid out on disk: its root (the image's `/`), working directory, env and command. */
export interface ImageLayout {
  /** The temp folder holding one folder per stage. */
  readonly dir: string;
  /** The last stage's `/`. */
  readonly root: string;
  /** The last stage's WORKDIR, on disk. */
  readonly workdir: string;
  readonly env: Readonly<Record<string, string>>;
  readonly cmd: readonly string[];
  /** Every COPY and RUN followed, `line: what was done`, for failure messages. */
  readonly steps: readonly string[];
  /** Each stage's `/` on disk, by stage name. */
  readonly stages: ReadonlyMap<string, string>;
}

/** `.dockerignore` patterns (relative to the context; `*` and `?` within one path segment). */
function ignoreMatcher(patterns: readonly string[]): (rel: string) => boolean {
  const regexes = patterns.map(
    (p) =>
      new RegExp(
        `^${p
          .replace(/^\/+|\/+$/g, "")
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, "[^/]*")
          .replace(/\?/g, "[^/]")}(/.*)?$`,
      ),
  );
  return (rel) => regexes.some((r) => r.test(rel));
}

/**
 * Lays out every stage of `context/Dockerfile` under `dir` the way `docker build` would, with no Docker
 * engine: each stage's `/` is `dir/<stage>`; COPY lines are followed as written (from the context minus
 * `.dockerignore`, or `--from` an earlier stage); the RUN commands it knows are done here (`npm ci` links
 * the context's node_modules, `npm run …` runs the script, `mkdir -p` makes the folders, `chown` and
 * `npm cache clean` change nothing that matters here). An instruction it does not know fails the lay-out,
 * so a Dockerfile change cannot pass this test unexamined.
 */
export async function layOutImage(
  context: string,
  dir: string,
  options: { reuse?: ImageLayout } = {},
): Promise<ImageLayout> {
  const stages = parseDockerfile(await readFile(path.join(context, "Dockerfile"), "utf8"));
  const ignoreText = await readFile(path.join(context, ".dockerignore"), "utf8").catch(() => "");
  const ignored = ignoreMatcher(
    ignoreText
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#")),
  );
  const roots = new Map<string, string>();
  const steps: string[] = [];
  let last: { root: string; workdir: string; env: Record<string, string>; cmd: string[] } | undefined;
  for (const [i, stage] of stages.entries()) {
    // The same build: earlier stages of a previous lay-out are used as they are; the last is laid out anew.
    const built = i < stages.length - 1 ? options.reuse?.stages.get(stage.name) : undefined;
    if (built) {
      roots.set(stage.name, built);
      continue;
    }
    const root = path.join(dir, stage.name);
    await mkdir(root, { recursive: true });
    roots.set(stage.name, root);
    const inherited = last && roots.has(stage.from) ? last : undefined;
    let workdir = inherited?.workdir ?? root;
    const env: Record<string, string> = { ...(inherited?.env ?? {}) };
    let cmd: string[] = [];
    const at = (p: string) => (path.isAbsolute(p) ? path.join(root, p) : path.join(workdir, p));
    for (const ins of stage.instructions) {
      const where = `Dockerfile:${ins.line} ${ins.op} ${ins.args}`;
      switch (ins.op) {
        case "WORKDIR":
          workdir = at(ins.args);
          await mkdir(workdir, { recursive: true });
          break;
        case "ENV":
          for (const m of ins.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g))
            env[m[1] ?? ""] = (m[2] ?? "").replace(/^"|"$/g, "");
          break;
        case "COPY": {
          const words = ins.args.split(/\s+/);
          const flags = words.filter((w) => w.startsWith("--"));
          const [dest = "", ...sourcesReversed] = words.filter((w) => !w.startsWith("--")).reverse();
          const sources = sourcesReversed.reverse();
          const fromFlag = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
          const unknown = flags.filter((f) => !/^--(from|chown|chmod|link)=?/.test(f));
          if (unknown.length) throw new Error(`${where}: flag ${unknown.join(" ")} is not laid out`);
          const fromRoot = fromFlag === undefined ? undefined : roots.get(fromFlag);
          if (fromFlag !== undefined && !fromRoot) throw new Error(`${where}: no stage ${fromFlag}`);
          const target = at(dest);
          const intoDir = dest.endsWith("/") || sources.length > 1;
          for (const source of sources) {
            const abs = fromRoot ? path.join(fromRoot, source) : path.join(context, source);
            const isDir = (await stat(abs)).isDirectory();
            const to = intoDir && !isDir ? path.join(target, path.basename(source)) : target;
            await cp(abs, to, {
              recursive: true,
              filter: (src) => fromRoot !== undefined || !ignored(path.relative(context, src)),
            });
          }
          steps.push(
            `${ins.line}: copied ${sources.join(", ")} to ${dest}${fromFlag ? ` from ${fromFlag}` : ""}`,
          );
          break;
        }
        case "RUN":
          for (const command of ins.args.split("&&").map((c) => c.trim())) {
            const [tool, sub, ...rest] = command.split(/\s+/);
            if (tool === "npm" && sub === "ci") {
              await rm(path.join(workdir, "node_modules"), { recursive: true, force: true });
              await symlink(path.join(context, "node_modules"), path.join(workdir, "node_modules"), "dir");
            } else if (tool === "npm" && sub === "run") {
              await run("npm", ["run", ...rest], { cwd: workdir, env: { ...process.env, ...env } });
            } else if (tool === "npm" && sub === "cache") {
              // the npm cache is not part of what the app serves
            } else if (tool === "mkdir" && sub === "-p") {
              for (const p of rest) await mkdir(at(p), { recursive: true });
            } else if (tool === "chown") {
              // ownership: the test runs as one user
            } else {
              throw new Error(`${where}: "${command}" is not laid out by test/support/image-layout.ts`);
            }
            steps.push(`${ins.line}: ran ${command}`);
          }
          break;
        case "CMD":
          cmd = JSON.parse(ins.args) as string[];
          break;
        case "USER":
        case "EXPOSE":
        case "HEALTHCHECK":
          break;
        default:
          throw new Error(`${where}: not laid out by test/support/image-layout.ts`);
      }
    }
    last = { root, workdir, env, cmd };
  }
  if (!last) throw new Error("the Dockerfile has no stage");
  return { dir, root: last.root, workdir: last.workdir, env: last.env, cmd: last.cmd, steps, stages: roots };
}

/**
 * The environment the image runs with under docker compose, pointed at the test services: the
 * Dockerfile's ENV, then compose's settings for one instance (its own key prefix and index here).
 */
export function imageEnv(layout: ImageLayout, services: Record<string, string>): Record<string, string> {
  // PORT is the test's (spawnApp sets it), not the image's 3000.
  const { PORT: _port, ...imageOwn } = layout.env;
  return {
    ...imageOwn,
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    DATA_DIR: path.join(layout.workdir, "data"),
    HASH_SECRET: "image-layout-test-secret-0123456789",
    ORG_NAME: "Sở Tư pháp tỉnh Thử Nghiệm",
    ORG_LEGAL_AID_CENTER_NAME: "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Thử Nghiệm",
    ORG_LEGAL_AID_ADDRESS: "Địa chỉ dùng cho kiểm thử",
    ORG_LEGAL_AID_PHONE: "Số điện thoại dùng cho kiểm thử",
    ORG_OPENING_HOURS: "Giờ làm việc dùng cho kiểm thử",
    ...services,
  };
}
