import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  FaqExistsError,
  FaqRepository,
  FaqValidationError,
  unifiedDiff,
  VersionConflictError,
} from "../../src/curation/index.js";
import { tempContent } from "./temp-content.js";

const ID = "dvc-ho-so-tre-hen";
let content: Awaited<ReturnType<typeof tempContent>>;
let repo: FaqRepository;

beforeEach(async () => {
  content = await tempContent();
  repo = new FaqRepository({ root: content.dir, now: () => new Date("2026-06-01T03:00:00Z") });
});
afterEach(() => content.release());

async function load(id = ID) {
  const record = await repo.get(id);
  if (!record) throw new Error(`fixture ${id} missing`);
  return record;
}

describe("FaqRepository", () => {
  it("gives each FAQ the sha256 of its file text as version", async () => {
    const record = await load();
    const text = await readFile(path.join(content.dir, "faq/dich-vu-cong", `${ID}.md`), "utf8");
    expect(record.text).toBe(text);
    expect(record.version).toBe(createHash("sha256").update(text).digest("hex"));
    expect(await repo.get("khong-co-faq-nay")).toBeUndefined();
  });

  it("lists by topic, status, audience, review due and accent-free text", async () => {
    const byTopic = await repo.list({ topic: "dich-vu-cong" });
    expect(byTopic.length).toBeGreaterThan(3);
    expect(byTopic.every((r) => r.faq.topic === "dich-vu-cong")).toBe(true);
    const found = await repo.list({ text: "ho so tre hen", topic: "dich-vu-cong" });
    expect(found.map((r) => r.faq.id)).toContain(ID);
    expect(await repo.list({ text: "từ này không có ở đâu cả xyzq" })).toEqual([]);
    const workers = await repo.list({ audience: "nguoi-lao-dong" });
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((r) => r.faq.audiences.includes("nguoi-lao-dong"))).toBe(true);
    const all = await repo.list();
    const due = await repo.list({ reviewDueBefore: "2027-01-01" });
    expect(due.every((r) => r.faq.reviewDue < "2027-01-01")).toBe(true);
    expect(due.length).toBe(all.filter((r) => r.faq.reviewDue < "2027-01-01").length);
    expect((await repo.list({ status: "published" })).length).toBe(all.length);
  });

  it("saves an edit changing only the edited lines, atomically, with a new version", async () => {
    const before = await load();
    const answer = before.faq.answer.replace("Trước hết,", "Trước tiên,");
    const { record, previous } = await repo.save({ ...before.faq, answer }, before.version);
    expect(previous?.version).toBe(before.version);
    const onDisk = await readFile(path.join(content.dir, "faq/dich-vu-cong", `${ID}.md`), "utf8");
    expect(onDisk).toBe(record.text);
    expect(record.version).not.toBe(before.version);
    const changed = unifiedDiff(before.text, onDisk)
      .split("\n")
      .filter((l) => /^[-+](?![-+]{2} )/.test(l));
    expect(changed).toHaveLength(2);
    expect(changed[1]).toMatch(/^\+Trước tiên,/);
    expect((await readdir(path.join(content.dir, "faq/dich-vu-cong"))).some((f) => f.endsWith(".tmp"))).toBe(
      false,
    );
  });

  it("refuses a save made on an old version with both versions, keeping the first writer's text", async () => {
    const base = await load();
    const first = await repo.save({ ...base.faq, question: `${base.faq.question} (A)` }, base.version);
    const second = repo.save({ ...base.faq, question: `${base.faq.question} (B)` }, base.version);
    await expect(second).rejects.toBeInstanceOf(VersionConflictError);
    await expect(second).rejects.toMatchObject({
      expectedVersion: base.version,
      currentVersion: first.record.version,
    });
    expect((await load()).faq.question).toMatch(/\(A\)$/);
  });

  it("lets only one of two simultaneous saves on the same version win", async () => {
    const base = await load();
    const results = await Promise.allSettled(
      ["A", "B"].map((who) =>
        repo.save({ ...base.faq, question: `${base.faq.question} (${who})` }, base.version),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => r.reason)).toEqual([
      expect.any(VersionConflictError),
    ]);
  });

  it("returns field messages for invalid content and writes nothing", async () => {
    const base = await load();
    const attempt = repo.save(
      { ...base.faq, variants: ["chỉ một"], reviewDue: "1/1/2027", legalBasis: [{ document: "" }] },
      base.version,
    );
    await expect(attempt).rejects.toBeInstanceOf(FaqValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as FaqValidationError;
    expect(Object.keys(error.fields).sort()).toEqual(["legalBasis.0.document", "reviewDue", "variants"]);
    expect(error.fields.variants).toMatch(/at least 5 variants/);
    expect((await load()).text).toBe(base.text);
  });

  it("applies the cross-file checks of content:check: shared phrasings, related ids, phone numbers", async () => {
    const base = await load();
    const other = await load("dvc-tra-cuu-ho-so");
    const attempt = repo.save(
      {
        ...base.faq,
        variants: [...base.faq.variants, other.faq.question],
        related: ["khong-ton-tai"],
        answer: `${base.faq.answer}\nGọi 0912 345 678.`,
      },
      base.version,
    );
    const error = (await attempt.catch((e: unknown) => e)) as FaqValidationError;
    expect(error).toBeInstanceOf(FaqValidationError);
    expect(error.fields.variants).toMatch(/also in/);
    expect(error.fields.related).toMatch(/existing FAQ id/);
    expect(error.fields.answer).toMatch(/phone-like number/);
    expect((await load()).text).toBe(base.text);
  });

  it("creates a new draft at faq/<topic>/<id>.md and refuses an id already taken", async () => {
    const base = await load();
    const fresh = {
      ...base.faq,
      id: "dvc-faq-moi",
      question: "Câu hỏi mới hoàn toàn về dịch vụ công?",
      variants: ["biến thể một", "biến thể hai", "biến thể ba", "biến thể bốn", "biến thể năm"],
      status: "draft",
      related: [],
    };
    const { record } = await repo.save(fresh, null);
    expect(record.file).toMatch(/faq\/dich-vu-cong\/dvc-faq-moi\.md$/);
    expect((await repo.get("dvc-faq-moi"))?.faq.status).toBe("draft");
    await expect(repo.save({ ...fresh, topic: "dan-su" }, null)).rejects.toBeInstanceOf(FaqExistsError);
  });

  it("moves the file when the topic changes", async () => {
    const base = await load();
    const { record } = await repo.save({ ...base.faq, topic: "khieu-nai-to-cao" }, base.version);
    expect(record.file).toMatch(/faq\/khieu-nai-to-cao\/dvc-ho-so-tre-hen\.md$/);
    expect(await readdir(path.join(content.dir, "faq/dich-vu-cong"))).not.toContain(`${ID}.md`);
    expect((await load()).faq.topic).toBe("khieu-nai-to-cao");
  });
});
