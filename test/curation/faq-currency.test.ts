import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkCorpus, readCorpus } from "../../src/content/index.js";
import { type Curation, createCuration, draftFromStaffReply } from "../../src/curation/index.js";
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

  it("flags every FAQ citing an amended document for review, and content:check stays green", async () => {
    const citing = await curation.currency.citing("52/2014/QH13");
    const { faq, version } = (await curation.workflow.view("ly-hon-don-phuong"))?.current ?? {};
    if (!faq || !version) throw new Error("fixture missing");
    await curation.workflow.edit({ ...faq, question: `${faq.question} (sửa)` }, version, "an");

    const flagged = await curation.currency.markAmended("52/2014/QH13", "binh", "sửa đổi năm 2026");
    expect(flagged.sort()).toEqual(citing.map((r) => r.faq.id).sort());
    const due = (await curation.currency.dueForReview()).map((r) => r.faq.id);
    expect(due).toEqual(expect.arrayContaining(flagged));
    const view = await curation.workflow.view("ly-hon-don-phuong");
    expect(view?.live?.faq.reviewDue).toBe("2026-12-01");
    expect(view?.revision?.faq.reviewDue).toBe("2026-12-01");
    expect(view?.amended).toMatchObject({ by: "binh", note: "52/2014/QH13 amended: sửa đổi năm 2026" });
    const entry = (await curation.workflow.history("ly-hon-don-phuong")).at(-1);
    expect(entry?.action).toBe("flag-amended");
    expect(entry?.diff).toContain("+reviewDue: 2026-12-01");

    const report = checkCorpus(await readCorpus(content.dir), { today: "2026-12-01", enforceMinimums: true });
    expect(report.errors).toEqual([]);
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
