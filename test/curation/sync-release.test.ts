import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import {
  type Curation,
  createCuration,
  dirFaqFiles,
  type FaqFiles,
  RELEASE_AUTHOR,
  redisFaqFiles,
  syncRelease,
} from "../../src/curation/index.js";
import { createLogger } from "../../src/logging/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

const execFileAsync = promisify(execFile);

const IDS = {
  edited: ["ho-tich", "ho-tich-bo-sung-thong-tin"],
  other: ["ho-tich", "ho-tich-cai-chinh-sai-sot"],
  third: ["ho-tich", "ho-tich-dang-ky-truc-tuyen"],
} as const;

let redis: Redis;
let prefix: string;
let releaseDir: string;
let live: FaqFiles;
let revisions: FaqFiles;
let curation: Curation;

/** The release's file of a FAQ (its text in the repository's content/ at first). */
const releaseFile = (topic: string, id: string) => path.join(releaseDir, "faq", topic, `${id}.md`);

/** The release: a copy of the repository's content/ (FAQs refer to each other, so all of it). */
async function shipRelease() {
  await cp(path.resolve("content/faq"), path.join(releaseDir, "faq"), { recursive: true });
}

/** A newer release: the same files with one changed answer. */
async function changeInRelease(topic: string, id: string, line: string) {
  const file = releaseFile(topic, id);
  await writeFile(file, `${(await readFile(file, "utf8")).trimEnd()}\n\n${line}\n`);
}

const sync = (mode: "review" | "apply" = "review", client: Redis = redis) =>
  syncRelease({
    redis: client,
    prefix,
    release: dirFaqFiles(releaseDir),
    live,
    revisions,
    history: curation.history,
    mode,
    logger: createLogger("silent"),
  });

/** An admin edits, submits and another approves: a published edit. */
async function publishEdit(id: string, line: string) {
  const view = await curation.workflow.view(id);
  if (!view) throw new Error(`no ${id}`);
  const faq = { ...view.current.faq, answer: `${view.current.faq.answer}\n\n${line}` };
  await curation.workflow.edit(faq, view.current.version, "qt.an");
  await curation.workflow.submit(id, "qt.an");
  await curation.workflow.approve(id, "qt.binh");
}

beforeEach(async () => {
  redis = redisClient();
  prefix = randomName("release");
  releaseDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-release-"));
  live = redisFaqFiles(redis, prefix, "live");
  revisions = redisFaqFiles(redis, prefix, "revisions");
  curation = createCuration({
    contentDir: releaseDir,
    files: { live, revisions },
    redis,
    prefix,
    reindex: async () => {},
    now: () => new Date("2026-12-01T03:00:00Z"),
  });
  await shipRelease();
});

afterEach(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
  await rm(releaseDir, { recursive: true, force: true });
});

// Each case reads and validates the whole corpus a few times: seconds on an idle machine, more on a loaded one.
describe("taking a release's content/ into the content store", { timeout: 180_000 }, () => {
  it("copies the whole corpus as it is at the first start, with no history, and changes nothing the second time", async () => {
    const first = await sync();
    expect(first.first).toBe(true);
    expect(first.imported.length).toBe((await dirFaqFiles(releaseDir).list()).length);
    for (const [topic, id] of Object.values(IDS))
      expect((await live.get(id))?.text).toBe(await readFile(releaseFile(topic, id), "utf8"));
    expect(await curation.history.list(IDS.edited[1])).toEqual([]);

    const again = await sync();
    expect(again).toEqual({ first: false, imported: [], proposed: [], deferred: [], dropped: [] });
  });

  it("never undoes a published edit: the newer release's text waits in review as a revision any admin may approve", async () => {
    const [topic, id] = IDS.edited;
    await sync();
    await publishEdit(id, "Đoạn do cán bộ pháp chế sửa.");
    await changeInRelease(topic, id, "Đoạn của bản phát hành mới.");

    const result = await sync();
    expect(result.proposed).toEqual([id]);
    const published = await live.get(id);
    expect(published?.text).toContain("Đoạn do cán bộ pháp chế sửa.");
    expect(published?.text).not.toContain("Đoạn của bản phát hành mới.");
    expect(published?.text).toMatch(/^status: published$/m);

    const view = await curation.workflow.view(id);
    expect(view?.state).toBe("review");
    expect(view?.revision?.text).toContain("Đoạn của bản phát hành mới.");
    expect(view?.authors).toEqual([RELEASE_AUTHOR]);
    expect((await curation.history.list(id)).at(-1)).toMatchObject({ action: "propose", by: RELEASE_AUTHOR });

    // The release is no author: the admin who made the edit may review the release's text.
    await curation.workflow.approve(id, "qt.an");
    expect((await live.get(id))?.text).toContain("Đoạn của bản phát hành mới.");
    expect(await sync()).toMatchObject({ proposed: [], imported: [] });
  });

  it("puts a new published FAQ of a newer release in review, not in front of citizens", async () => {
    await sync();
    const [topic, id] = IDS.other;
    const text = (await readFile(releaseFile(topic, id), "utf8"))
      .replace(`id: ${id}`, "id: ho-tich-ban-moi")
      .replace(/^question: .*$/m, "question: Câu hỏi mới của bản phát hành?");
    await writeFile(releaseFile(topic, "ho-tich-ban-moi"), text);

    const result = await sync();
    expect(result.proposed).toEqual(["ho-tich-ban-moi"]);
    const stored = await live.get("ho-tich-ban-moi");
    expect(stored?.text).toMatch(/^status: review$/m);
    expect(stored?.text.replace(/^status: review$/m, "status: published")).toBe(text);
    expect((await curation.live.list({ status: "published" })).map((r) => r.faq.id)).not.toContain(
      "ho-tich-ban-moi",
    );
  });

  it("in apply mode updates a FAQ nobody edited, and still only proposes over an edited one", async () => {
    await sync("apply");
    await publishEdit(IDS.edited[1], "Đoạn do cán bộ pháp chế sửa.");
    await changeInRelease(...IDS.edited, "Bản phát hành sửa câu đã được sửa.");
    await changeInRelease(...IDS.other, "Bản phát hành sửa câu chưa ai sửa.");

    const result = await sync("apply");
    expect(result.imported).toEqual([IDS.other[1]]);
    expect(result.proposed).toEqual([IDS.edited[1]]);
    expect((await live.get(IDS.other[1]))?.text).toContain("Bản phát hành sửa câu chưa ai sửa.");
    expect((await live.get(IDS.edited[1]))?.text).toContain("Đoạn do cán bộ pháp chế sửa.");
    expect((await live.get(IDS.edited[1]))?.text).not.toContain("Bản phát hành sửa câu đã được sửa.");
  });

  it("leaves a person's pending revision alone, and proposes the release's text at the next start once it is gone", async () => {
    const [topic, id] = IDS.edited;
    await sync();
    const view = await curation.workflow.view(id);
    if (!view) throw new Error("no view");
    await curation.workflow.edit(
      { ...view.current.faq, answer: `${view.current.faq.answer}\n\nBản nháp của cán bộ.` },
      view.current.version,
      "qt.an",
    );
    await changeInRelease(topic, id, "Đoạn của bản phát hành mới.");

    expect((await sync()).deferred).toEqual([id]);
    expect((await revisions.get(id))?.text).toContain("Bản nháp của cán bộ.");

    await curation.workflow.discard(id, "qt.an");
    const later = await sync();
    expect(later.proposed).toEqual([id]);
    expect((await revisions.get(id))?.text).toContain("Đoạn của bản phát hành mới.");
  });

  it("carries front-matter fields it does not know byte for byte, in the store and in a proposal", async () => {
    const [topic, id] = IDS.third;
    const withExtra = (text: string) =>
      text.replace(/^reviewDue: /m, "laterReleaseField: 2026-11-20\nlaterReleaseFlag: false\nreviewDue: ");
    await writeFile(releaseFile(topic, id), withExtra(await readFile(releaseFile(topic, id), "utf8")));
    await sync();
    const stored = await live.get(id);
    expect(stored?.text).toBe(await readFile(releaseFile(topic, id), "utf8"));
    expect(stored?.text).toContain("laterReleaseField: 2026-11-20\nlaterReleaseFlag: false\n");

    await changeInRelease(topic, id, "Đoạn mới.");
    await sync();
    const proposal = (await revisions.get(id))?.text ?? "";
    expect(proposal.replace(/^status: review$/m, "status: published")).toBe(
      await readFile(releaseFile(topic, id), "utf8"),
    );
  });

  it("exports the store as content/ files byte for byte, pending revisions under .drafts", async () => {
    const [topic, id] = IDS.edited;
    await sync();
    await changeInRelease(topic, id, "Đoạn của bản phát hành mới.");
    await sync();
    const out = path.join(releaseDir, "export");
    await execFileAsync(process.execPath, ["--import", "tsx", "src/cli/content-export.ts", "--out", out], {
      env: { ...process.env, REDIS_URL: inject("redisUrl"), REDIS_PREFIX: prefix, NODE_ENV: "test" },
    });
    const [otherTopic, other] = IDS.other;
    expect(await readFile(path.join(out, "faq", otherTopic, `${other}.md`), "utf8")).toBe(
      await readFile(releaseFile(otherTopic, other), "utf8"),
    );
    expect(await readFile(path.join(out, ".drafts/faq", topic, `${id}.md`), "utf8")).toContain(
      "Đoạn của bản phát hành mới.",
    );
  });

  it("takes a release in once when two instances start together", async () => {
    await sync();
    await publishEdit(IDS.edited[1], "Đoạn do cán bộ pháp chế sửa.");
    await changeInRelease(...IDS.edited, "Đoạn của bản phát hành mới.");
    const other = redisClient();
    try {
      const [a, b] = await Promise.all([sync("review"), sync("review", other)]);
      expect([...a.proposed, ...b.proposed]).toEqual([IDS.edited[1]]);
    } finally {
      other.disconnect();
    }
    const proposals = (await curation.history.list(IDS.edited[1])).filter((e) => e.action === "propose");
    expect(proposals).toHaveLength(1);
  });
});
