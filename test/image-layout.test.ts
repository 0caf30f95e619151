import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../src/runtime/index.js";
import { type ImageLayout, imageEnv, layOutImage } from "./support/image-layout.js";
import { meiliClient, randomName, removeKeys } from "./support/services.js";
import { type AppProcess, ROOT, spawnApp } from "./support/spawn-app.js";
import { editAnswerAndSubmit, loginStaff } from "./support/staff-client.js";

const execFileAsync = promisify(execFile);
const PASSWORD = "mat-khau-dai-du-2026";

/** Compose's settings for the app, on the test's Redis and Meilisearch under its own prefix and index. */
function serviceEnvFor(layout: ImageLayout, prefix: string, dataDir: string): Record<string, string> {
  return imageEnv(layout, {
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliKey"),
    REDIS_URL: inject("redisUrl"),
    REDIS_PREFIX: prefix,
    MEILI_INDEX: prefix,
    DATA_DIR: dataDir,
  });
}

/** As an operator would: `docker compose exec app node dist/cli/user-add.js …`, password on stdin. */
async function addAdmin(layout: ImageLayout, env: Record<string, string>, username: string): Promise<void> {
  const add = execFileAsync(
    process.execPath,
    ["dist/cli/user-add.js", "--username", username, "--role", "admin"],
    { cwd: layout.workdir, env },
  );
  add.child.stdin?.end(`${PASSWORD}\n`);
  await add;
}

/** The image's CMD in its working directory; resolves once ready (a liveness limit, not a speed claim). */
async function startImage(layout: ImageLayout, env: Record<string, string>): Promise<AppProcess> {
  const app = spawnApp(env, await freePort(), { argv: layout.cmd, cwd: layout.workdir });
  await app.waitReady(300_000);
  return app;
}

/** Stops the app; with a prefix, also removes its keys and index (the test's "volumes"). */
async function stopImage(app: AppProcess | undefined, prefix?: string): Promise<void> {
  app?.child.kill("SIGTERM");
  await app?.exited;
  if (!prefix) return;
  await removeKeys(prefix);
  await meiliClient()
    .deleteIndex(prefix)
    .waitTask()
    .catch(() => {});
}

/** What the ask API answers to a question. */
async function answerText(baseUrl: string, text: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { text: string }).text;
}

/** Asks until the answer contains `part` (a publish shows within seconds; 60 s is a liveness limit). */
async function waitForAnswer(baseUrl: string, text: string, part: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await answerText(baseUrl, text);
    if (answer.includes(part) || Date.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, 200));
  }
}

let dir: string;
let layout: ImageLayout;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "tlpl-image-"));
  layout = await layOutImage(ROOT, dir);
}, 600_000);
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
    const env = serviceEnvFor(layout, prefix, path.join(layout.workdir, "data"));
    let app: AppProcess | undefined;
    try {
      await addAdmin(layout, env, "qt.anh");
      app = await startImage(layout, env);
      const admin = await loginStaff(app.baseUrl, "qt.anh", PASSWORD);
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
      await stopImage(app, prefix);
    }
  }, 420_000);

  it("keeps a published edit through a container recreate with the compose volumes; a newer corpus only proposes", async () => {
    const prefix = randomName("recreate");
    // The compose volumes: app-data (DATA_DIR) here, redis-data and meili-data as this prefix and index.
    const volume = await mkdtemp(path.join(os.tmpdir(), "tlpl-app-data-"));
    const id = "tgpl-ai-duoc-huong";
    const edit = "Đoạn này do cán bộ pháp chế sửa trong trang quản trị.";
    const newer = "Đoạn này chỉ có trong bản phát hành mới.";
    let app: AppProcess | undefined;
    let first: ImageLayout | undefined = await layOutImage(ROOT, await mkdtemp(path.join(dir, "a-")), {
      reuse: layout,
    });
    try {
      const env = serviceEnvFor(first, prefix, volume);
      await addAdmin(first, env, "qt.an");
      await addAdmin(first, env, "qt.binh");
      app = await startImage(first, env);
      const an = await loginStaff(app.baseUrl, "qt.an", PASSWORD);
      const binh = await loginStaff(app.baseUrl, "qt.binh", PASSWORD);
      const loaded = await editAnswerAndSubmit(app.baseUrl, an, id, edit);
      expect((await an.post(`/api/v1/admin/faqs/${id}/approve`)).status).toBe(403);
      expect((await binh.post(`/api/v1/admin/faqs/${id}/approve`)).status).toBe(200);
      const question = loaded.faq.question;
      expect(await waitForAnswer(app.baseUrl, question, edit)).toContain(edit);

      // docker compose down && up: the container (the image's files) goes, the volumes stay.
      await stopImage(app);
      app = undefined;
      await rm(first.dir, { recursive: true, force: true });
      first = undefined;
      const second = await layOutImage(ROOT, await mkdtemp(path.join(dir, "b-")), { reuse: layout });
      // ... and the newer image ships its own text of the same FAQ.
      const shipped = path.join(second.workdir, "content/faq/tro-giup-phap-ly", `${id}.md`);
      await writeFile(shipped, `${(await readFile(shipped, "utf8")).trimEnd()}\n\n${newer}\n`);
      app = await startImage(second, serviceEnvFor(second, prefix, volume));

      const answer = await answerText(app.baseUrl, question);
      expect(answer).toContain(edit);
      expect(answer).not.toContain(newer);
      // The accounts (in Redis) survived too; the newer release's text waits in the review queue.
      const again = await loginStaff(app.baseUrl, "qt.an", PASSWORD);
      const review = (await (await again.get(`/api/v1/admin/faqs/${id}`)).json()) as {
        state: string;
        faq: { answer: string };
      };
      expect(review.state).toBe("review");
      expect(review.faq.answer).toContain(newer);
    } finally {
      await stopImage(app, prefix);
      await rm(volume, { recursive: true, force: true });
    }
  }, 600_000);
});
