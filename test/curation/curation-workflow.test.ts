import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readCorpus } from "../../src/content/index.js";
import {
  CurationHistory,
  CurationStateError,
  CurationWorkflow,
  FaqRepository,
  FourEyesError,
  VersionConflictError,
} from "../../src/curation/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";
import { tempContent } from "./temp-content.js";

const ID = "dvc-ho-so-tre-hen";
const NOW = new Date("2026-06-01T03:00:00Z");
let content: Awaited<ReturnType<typeof tempContent>>;
let redis: Redis;
let prefix: string;
let reindex: ReturnType<typeof vi.fn<() => Promise<void>>>;
let workflow: CurationWorkflow;

beforeEach(async () => {
  content = await tempContent();
  redis = redisClient();
  prefix = randomName("cur");
  reindex = vi.fn(async () => {});
  const live = new FaqRepository({ root: content.dir, now: () => NOW });
  const revisions = new FaqRepository({
    root: path.join(content.dir, ".drafts"),
    corpus: () => readCorpus(content.dir),
    now: () => NOW,
  });
  workflow = new CurationWorkflow({
    live,
    revisions,
    history: new CurationHistory({ redis, prefix, now: () => NOW }),
    reindex,
    now: () => NOW,
  });
});
afterEach(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
  await content.release();
});

const liveFile = () => readFile(path.join(content.dir, "faq/dich-vu-cong", `${ID}.md`), "utf8");

async function current(id = ID) {
  const view = await workflow.view(id);
  if (!view) throw new Error(`fixture ${id} missing`);
  return view.current;
}

async function editAnswer(by: string, from: string, to: string) {
  const { faq, version } = await current();
  return workflow.edit({ ...faq, answer: faq.answer.replace(from, to) }, version, by);
}

describe("CurationWorkflow", () => {
  it("keeps the published text live while an edit waits aside as a revision", async () => {
    const before = await liveFile();
    const revision = await editAnswer("an", "Trước hết,", "Trước tiên,");
    expect(revision.faq.status).toBe("draft");
    expect(await liveFile()).toBe(before);
    const view = await workflow.view(ID);
    expect(view?.state).toBe("draft");
    expect(view?.live?.faq.status).toBe("published");
    expect(view?.revision?.faq.answer).toMatch(/^Trước tiên,/);
    expect(reindex).not.toHaveBeenCalled();
  });

  it("refuses approval by the last editor, lets another admin publish and reindexes once", async () => {
    await editAnswer("an", "Trước hết,", "Trước tiên,");
    await workflow.submit(ID, "an");
    await expect(workflow.approve(ID, "an")).rejects.toBeInstanceOf(FourEyesError);
    expect(reindex).not.toHaveBeenCalled();

    const published = await workflow.approve(ID, "binh");
    expect(reindex).toHaveBeenCalledTimes(1);
    expect(published.reindexMs).toBeGreaterThanOrEqual(0);
    const text = await liveFile();
    expect(text).toContain("\nTrước tiên,");
    expect(text).toContain("status: published\nreviewedAt: 2026-06-01\n");
    const view = await workflow.view(ID);
    expect(view?.revision).toBeUndefined();
    expect(view?.state).toBe("published");
  });

  it("does not let anyone who edited since the last approval approve", async () => {
    await editAnswer("an", "Trước hết,", "Trước tiên,");
    await editAnswer("binh", "Bộ phận Một cửa", "Bộ phận Một cửa (nơi nộp hồ sơ)");
    await workflow.submit(ID, "binh");
    await expect(workflow.approve(ID, "an")).rejects.toBeInstanceOf(FourEyesError);
    await expect(workflow.approve(ID, "binh")).rejects.toBeInstanceOf(FourEyesError);
    await workflow.approve(ID, "chi");
    expect(await liveFile()).toContain("Bộ phận Một cửa (nơi nộp hồ sơ)");
  });

  it("only approves what is in review", async () => {
    await editAnswer("an", "Trước hết,", "Trước tiên,");
    await expect(workflow.approve(ID, "binh")).rejects.toBeInstanceOf(CurationStateError);
    await workflow.submit(ID, "an");
    await workflow.reject(ID, "binh", "cần thêm căn cứ");
    expect((await workflow.view(ID))?.state).toBe("draft");
  });

  it("detects an edit made on a version someone else already changed", async () => {
    const { faq, version } = await current();
    const first = await workflow.edit({ ...faq, question: `${faq.question} (A)` }, version, "an");
    const stale = workflow.edit({ ...faq, question: `${faq.question} (B)` }, version, "binh");
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ expectedVersion: version, currentVersion: first.version });
  });

  it("edits an unpublished draft in place and publishes it", async () => {
    const { faq } = await current();
    await workflow.create(
      {
        ...faq,
        id: "dvc-faq-moi",
        question: "Làm thủ tục trực tuyến thì nộp lệ phí thế nào?",
        variants: [
          "nộp lệ phí online",
          "trả phí dịch vụ công",
          "thanh toán lệ phí qua mạng",
          "lệ phí nộp ở đâu",
          "phí hồ sơ online",
        ],
        related: [],
      },
      "an",
    );
    expect((await workflow.view("dvc-faq-moi"))?.live?.faq.status).toBe("draft");
    await workflow.submit("dvc-faq-moi", "an");
    await workflow.approve("dvc-faq-moi", "binh");
    const view = await workflow.view("dvc-faq-moi");
    expect(view?.live?.faq.status).toBe("published");
    expect(view?.revision).toBeUndefined();
  });

  it("retires a published FAQ and reindexes so it leaves the index", async () => {
    const { record } = await workflow.retire(ID, "binh", "luật đã thay đổi");
    expect(record.faq.status).toBe("retired");
    expect(reindex).toHaveBeenCalledTimes(1);
    await expect(workflow.retire(ID, "binh")).rejects.toBeInstanceOf(CurationStateError);
  });

  it("records who, when, what and a diff for every change, and restores an older version through review", async () => {
    const original = await liveFile();
    await editAnswer("an", "Trước hết,", "Trước tiên,");
    await workflow.submit(ID, "an");
    await workflow.approve(ID, "binh");
    const firstPublished = await liveFile();
    await editAnswer("an", "Trước tiên,", "Đầu tiên,");
    await workflow.submit(ID, "an");
    await workflow.approve(ID, "binh");
    expect(await liveFile()).toContain("\nĐầu tiên,");

    const history = await workflow.history(ID);
    expect(history.map((e) => [e.action, e.by, e.area])).toEqual([
      ["edit", "an", "revision"],
      ["submit", "an", "revision"],
      ["approve", "binh", "live"],
      ["edit", "an", "revision"],
      ["submit", "an", "revision"],
      ["approve", "binh", "live"],
    ]);
    expect(history[0]?.at).toBe(NOW.toISOString());
    expect(history[0]?.diff).toContain("\n-Trước hết,");
    expect(history[0]?.diff).toContain("\n+Trước tiên,");
    expect(history[0]?.previousVersion).not.toBe(history[0]?.version);
    expect(original).not.toBe(firstPublished);

    const approvedFirst = history[2];
    if (!approvedFirst) throw new Error("missing entry");
    const restored = await workflow.restore(ID, approvedFirst.seq, "an");
    expect(restored.faq.status).toBe("review");
    expect(await liveFile()).toContain("\nĐầu tiên,");
    await expect(workflow.approve(ID, "an")).rejects.toBeInstanceOf(FourEyesError);
    await workflow.approve(ID, "binh");
    expect(await liveFile()).toBe(firstPublished);
    expect((await workflow.history(ID)).at(-2)?.note).toBe(`restored from #${approvedFirst.seq}`);
  });

  it("adds a citizen's phrasing as a variant that goes to review", async () => {
    const revision = await workflow.addVariant(ID, "giấy hẹn quá ngày mà chưa có kết quả", "an");
    expect(revision.faq.status).toBe("review");
    expect(revision.faq.variants.at(-1)).toBe("giấy hẹn quá ngày mà chưa có kết quả");
    expect(await liveFile()).not.toContain("giấy hẹn quá ngày");
    await workflow.approve(ID, "binh");
    expect(await liveFile()).toContain("  - giấy hẹn quá ngày mà chưa có kết quả\ntopic:");
  });
});
