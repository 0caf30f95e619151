import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkCorpus, type Faq, readCorpus } from "../../src/content/index.js";
import { type Curation, createCuration, draftFromStaffReply, localDate } from "../../src/curation/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";
import { tempContent } from "./temp-content.js";

const NOW = new Date("2026-12-01T03:00:00Z");
let content: Awaited<ReturnType<typeof tempContent>>;
let redis: Redis;
let prefix: string;
let curation: Curation;

beforeEach(async () => {
  content = await tempContent();
  redis = redisClient();
  prefix = randomName("cur");
  curation = createCuration({
    contentDir: content.dir,
    redis,
    prefix,
    reindex: vi.fn(async () => {}),
    now: () => NOW,
  });
});
afterEach(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
  await content.release();
});

describe("FaqCurrency", () => {
  it("lists FAQs whose review is due", async () => {
    const all = await curation.live.list();
    const due = await curation.currency.dueForReview("2027-03-01");
    expect(due.length).toBe(all.filter((r) => r.faq.reviewDue <= "2027-03-01").length);
    expect(due.length).toBeGreaterThan(0);
    expect(due.map((r) => r.faq.reviewDue)).toEqual([...due.map((r) => r.faq.reviewDue)].sort());
  });

  it("finds FAQs citing a document by number or by name", async () => {
    const byNumber = await curation.currency.citing("52/2014/qh13");
    expect(byNumber.map((r) => r.faq.id)).toContain("ly-hon-don-phuong");
    expect(byNumber.every((r) => r.faq.legalBasis.some((b) => b.number === "52/2014/QH13"))).toBe(true);
    const byName = await curation.currency.citing("luat hon nhan va gia dinh");
    expect(byName.map((r) => r.faq.id)).toEqual(byNumber.map((r) => r.faq.id));
    expect(await curation.currency.citing("99/2099/QH99")).toEqual([]);
  });

  it("flags every FAQ citing an amended document for review, and content:check stays green", {
    timeout: 90_000,
  }, async () => {
    // Flagging re-saves the FAQs, and a save refuses a verifiedAt after today: this test runs on the
    // real clock, since the corpus records checks made up to the day it was written.
    const curation = createCuration({
      contentDir: content.dir,
      redis,
      prefix,
      reindex: vi.fn(async () => {}),
      now: () => new Date(),
    });
    const today = localDate(new Date());
    const citing = await curation.currency.citing("52/2014/QH13");
    const { faq, version } = (await curation.workflow.view("ly-hon-don-phuong"))?.current ?? {};
    if (!faq || !version) throw new Error("fixture missing");
    await curation.workflow.edit({ ...faq, question: `${faq.question} (sửa)` }, version, "an");

    const flagged = await curation.currency.markAmended("52/2014/QH13", "binh", "sửa đổi năm 2026");
    expect(flagged.sort()).toEqual(citing.map((r) => r.faq.id).sort());
    const due = (await curation.currency.dueForReview()).map((r) => r.faq.id);
    expect(due).toEqual(expect.arrayContaining(flagged));
    const view = await curation.workflow.view("ly-hon-don-phuong");
    expect(view?.live?.faq.reviewDue).toBe(today);
    expect(view?.revision?.faq.reviewDue).toBe(today);
    expect(view?.amended).toMatchObject({ by: "binh", note: "52/2014/QH13 amended: sửa đổi năm 2026" });
    const entry = (await curation.workflow.history("ly-hon-don-phuong")).at(-1);
    expect(entry?.action).toBe("flag-amended");
    expect(entry?.diff).toContain(`+reviewDue: ${today}`);

    const report = checkCorpus(await readCorpus(content.dir), { today, enforceMinimums: true });
    expect(report.errors).toEqual([]);
  });
});

describe("FaqCurrency: end dates and claims to check", () => {
  it("lists each cited document ended or ending within 90 days, earliest first, and the FAQs with claims to check", async () => {
    const saveWith = async (id: string, change: (faq: Faq) => Faq) => {
      const record = await curation.live.get(id);
      if (!record) throw new Error(`fixture ${id} missing`);
      await curation.live.save(change(record.faq), record.version);
    };
    const until = (faq: Faq, date: string, index = 0): Faq => ({
      ...faq,
      legalBasis: faq.legalBasis.map((b, i) => (i === index ? { ...b, effectiveUntil: date } : b)),
      reviewDue: date < faq.reviewDue ? date : faq.reviewDue,
    });
    // NOW is 2026-12-01: the horizon is 2027-03-01.
    await saveWith("ly-hon-don-phuong", (faq) => until(faq, "2027-02-28"));
    await saveWith("ly-hon-thuan-tinh", (faq) => ({
      ...until(faq, "2026-11-30"),
      verifiedAt: "2026-11-30",
      needsLegalReview: ["Lệ phí cải chính: chưa đối chiếu được văn bản gốc"],
    }));
    await saveWith("tgpl-ai-duoc-huong", (faq) => until(faq, "2027-03-02"));
    await saveWith("ly-hon-an-phi", (faq) => ({ ...until(faq, "2027-01-10"), status: "retired" }));

    const edited = new Set(["ly-hon-don-phuong", "ly-hon-thuan-tinh", "tgpl-ai-duoc-huong", "ly-hon-an-phi"]);
    const ending = (await curation.currency.ending()).filter((e) => edited.has(e.record.faq.id));
    expect(ending.map((e) => [e.record.faq.id, e.index, e.basis.effectiveUntil, e.past])).toEqual([
      ["ly-hon-thuan-tinh", 0, "2026-11-30", true],
      ["ly-hon-don-phuong", 0, "2027-02-28", false],
    ]);

    const review = await curation.currency.forLegalReview();
    const mine = review.find((r) => r.faq.id === "ly-hon-thuan-tinh");
    expect(mine?.faq.needsLegalReview).toEqual(["Lệ phí cải chính: chưa đối chiếu được văn bản gốc"]);
    const all = (await curation.live.list()).filter(
      (r) => r.faq.status !== "retired" && r.faq.needsLegalReview.length > 0,
    );
    expect(review.map((r) => r.faq.id).sort()).toEqual(all.map((r) => r.faq.id).sort());
  });
});

describe("draftFromStaffReply", () => {
  it("prefills a draft from a staff reply with phone, ID and e-mail removed", () => {
    const draft = draftFromStaffReply(
      {
        question: "tôi muốn ly hôn nhưng chồng không ký, sđt 0912 345 678",
        replyText:
          "Dạ, bạn có thể nộp đơn ly hôn đơn phương tại Tòa án nhân dân khu vực. Mang CCCD 012345678901 và gửi bản sao qua an@example.com.",
        topic: "hon-nhan-gia-dinh",
        by: "an",
      },
      NOW,
    );
    expect(draft).toMatchObject({
      question: "Tôi muốn ly hôn nhưng chồng không ký, sđt [số điện thoại]?",
      topic: "hon-nhan-gia-dinh",
      status: "draft",
      reviewDue: "2027-12-01",
      legalBasis: [],
    });
    expect(draft.answer).toBe(
      "Dạ, bạn có thể nộp đơn ly hôn đơn phương tại Tòa án nhân dân khu vực. Mang CCCD [số giấy tờ] và gửi bản sao qua [email].",
    );
  });
});
