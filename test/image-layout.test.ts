import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../src/runtime/index.js";
import { type ImageLayout, imageEnv, layOutImage } from "./support/image-layout.js";
import { meiliClient, randomName, removeKeys } from "./support/services.js";
import { type AppProcess, ROOT, spawnApp } from "./support/spawn-app.js";
import { loginStaff } from "./support/staff-client.js";

const execFileAsync = promisify(execFile);

let dir: string;
let layout: ImageLayout;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "tlpl-image-"));
  layout = await layOutImage(ROOT, dir);
}, 240_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every `public/` folder under src/: what the modules serve as static files. */
async function publicFolders(): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, "src"), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && e.name === "public")
    .map((e) => path.relative(path.join(ROOT, "src"), path.join(e.parentPath, e.name)))
    .sort();
}

/** Same-origin stylesheets, scripts and images a page or stylesheet refers to. */
function assetRefs(body: string, base: string): string[] {
  const refs = [
    ...[...body.matchAll(/<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? ""),
    ...[...body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1] ?? ""),
  ];
  return refs
    .filter((r) => r && !r.startsWith("data:") && !r.startsWith("#"))
    .map((r) => new URL(r.replaceAll("&amp;", "&"), base))
    .filter((u) => u.origin === new URL(base).origin)
    .map((u) => u.pathname + u.search);
}

describe("the image (runtime stage laid out from dist/ and the Dockerfile's COPY lines)", () => {
  it("holds every public folder of src/ beside its compiled module", async () => {
    const folders = await publicFolders();
    expect(folders.length).toBeGreaterThanOrEqual(4);
    for (const folder of folders) {
      const inImage = path.join(layout.workdir, "dist", folder);
      const files = await readdir(path.join(ROOT, "src", folder), { recursive: true });
      for (const file of files) {
        const info = await stat(path.join(inImage, file)).catch(() => undefined);
        expect(
          info,
          `${folder}/${file} missing from the image (steps: ${layout.steps.join("; ")})`,
        ).toBeDefined();
      }
    }
  });

  it("serves every asset referenced by /, /staff, /admin and the dashboard", async () => {
    const prefix = randomName("image");
    const env = imageEnv(layout, {
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      REDIS_URL: inject("redisUrl"),
      REDIS_PREFIX: prefix,
      MEILI_INDEX: prefix,
    });
    let app: AppProcess | undefined;
    try {
      // As an operator would: `docker compose exec app node dist/cli/user-add.js …`, password on stdin.
      const add = execFileAsync(
        process.execPath,
        ["dist/cli/user-add.js", "--username", "qt.anh", "--role", "admin"],
        { cwd: layout.workdir, env },
      );
      add.child.stdin?.end("mat-khau-dai-du-2026\n");
      await add;

      app = spawnApp(env, await freePort(), { argv: layout.cmd, cwd: layout.workdir });
      await app.waitReady(90_000);
      const admin = await loginStaff(app.baseUrl, "qt.anh", "mat-khau-dai-du-2026");
      const pages = ["/", "/staff/login", "/staff", "/admin", "/staff/dashboard"];
      const seen = new Map<string, string[]>();
      for (const page of pages) {
        const res = await fetch(`${app.baseUrl}${page}`, { headers: { cookie: admin.cookie } });
        expect(res.status, page).toBe(200);
        const refs = assetRefs(await res.text(), res.url);
        expect(refs.length, `${page} refers to no asset`).toBeGreaterThan(0);
        seen.set(page, refs);
      }
      const checked = new Set<string>();
      const queue = [...new Set([...seen.values()].flat())];
      while (queue.length) {
        const asset = queue.shift() ?? "";
        if (checked.has(asset)) continue;
        checked.add(asset);
        const res = await fetch(`${app.baseUrl}${asset}`, { headers: { cookie: admin.cookie } });
        const body = await res.text();
        expect(res.status, `${asset} in the image`).toBe(200);
        expect(body.length, asset).toBeGreaterThan(0);
        if (res.headers.get("content-type")?.includes("text/css")) queue.push(...assetRefs(body, res.url));
      }
      // The web chat, both consoles and the dashboard each bring their own stylesheet or script.
      for (const own of ["chat.css", "staff.css", "admin.css", "admin.js", "dashboard.js", "chart.umd.js"])
        expect(
          [...checked].some((a) => a.endsWith(own)),
          own,
        ).toBe(true);
    } finally {
      app?.child.kill("SIGTERM");
      await app?.exited;
      await removeKeys(prefix);
      await meiliClient()
        .deleteIndex(prefix)
        .waitTask()
        .catch(() => {});
    }
  }, 180_000);
});
