import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UsageEvent } from "../../src/core/index.js";
import { type Curation, createCuration, InboxGroupNotFoundError } from "../../src/curation/index.js";
import { redisUsageSink } from "../../src/redis/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";
import { tempContent } from "./temp-content.js";

const NOW = new Date("2026-06-01T03:00:00Z");
const FAQ = "ly-hon-don-phuong";
let content: Awaited<ReturnType<typeof tempContent>>;
let redis: Redis;
let prefix: string;
let curation: Curation;

beforeEach(async () => {
  content = await tempContent();
  redis = redisClient();
  prefix = randomName("inbox");
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

function event(minutesAgo: number, fields: Partial<UsageEvent>): UsageEvent {
  return {
    at: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
    channel: "web",
    session: "h1",
    kind: "fallback",
    language: "vi",
    latencyMs: 12,
    ...fields,
  };
}

async function seed(events: UsageEvent[]) {
  const sink = redisUsageSink(redis, prefix, 10_000);
  for (const e of events) await sink.record(e);
}

describe("UnansweredInbox", () => {
  beforeEach(() =>
    seed([
      event(50, { sample: "ly hôn đơn phương cần giấy tờ gì", intent: "no-match" }),
      event(40, { sample: "nuôi chó có phải đăng ký không, số tôi 0912345678", intent: "no-match" }),
      event(30, { kind: "choices", sample: "Ly hon don phuong can giay to gi?", topic: "hon-nhan-gia-dinh" }),
      event(20, { kind: "answer", faqId: "ly-hon-thuan-tinh", confidence: 0.9 }),
      event(15, { sample: "ly hôn đơn phương cần những giấy tờ gì ạ", intent: "no-match" }),
      event(10, { intent: "feedback-down", faqId: "ly-hon-an-phi" }),
      event(5, { sample: "nuôi chó có phải đăng ký không", intent: "no-match" }),
    ]),
  );

  it("groups similar unanswered questions with counts, dates and scrubbed samples", async () => {
    const reason = JSON.stringify({
      at: NOW.toISOString(),
      channel: "telegram",
      faqId: "ly-hon-an-phi",
      reason: "sai rồi, gọi 0987654321",
    });
    await redis.xadd(`${prefix}:feedback`, "*", "e", reason);
    const { groups, downvoted } = await curation.inbox.list();
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ["ly hôn đơn phương cần giấy tờ gì", 3],
      [expect.stringMatching(/^nuôi chó có phải đăng ký không/), 2],
    ]);
    expect(groups[0]?.firstAt).toBe(new Date(NOW.getTime() - 50 * 60_000).toISOString());
    expect(groups[0]?.lastAt).toBe(new Date(NOW.getTime() - 15 * 60_000).toISOString());
    expect(groups[0]?.kinds).toEqual({ fallback: 2, choices: 1 });
    expect(JSON.stringify(groups)).not.toContain("0912345678");
    expect(groups[1]?.samples.join(" ")).toContain("[số điện thoại]");
    expect(downvoted).toEqual([
      expect.objectContaining({
        faqId: "ly-hon-an-phi",
        count: 1,
        reasons: ["sai rồi, gọi [số điện thoại]"],
      }),
    ]);
  });

  it("adds a group as a variant that is live after approval, and the group does not come back", async () => {
    const [group] = (await curation.inbox.list()).groups;
    if (!group) throw new Error("no group");
    const revision = await curation.inbox.addAsVariant(group.id, FAQ, "an");
    expect(revision.faq.status).toBe("review");
    await curation.workflow.approve(FAQ, "binh");
    const file = await readFile(path.join(content.dir, "faq/hon-nhan-gia-dinh", `${FAQ}.md`), "utf8");
    expect(file).toContain("\n  - ly hôn đơn phương cần giấy tờ gì\ntopic:");
    expect(file).toContain("status: published");
    const after = await curation.inbox.list();
    expect(after.groups.map((g) => g.id)).not.toContain(group.id);
    expect(after.groups).toHaveLength(1);
    await expect(curation.inbox.dismiss(group.id, "an")).rejects.toBeInstanceOf(InboxGroupNotFoundError);
    expect((await curation.workflow.history(FAQ)).at(-2)?.note).toMatch(/^from inbox group/);
  });

  it("keeps a dismissed group away, while a new kind of question still shows", async () => {
    const dog = (await curation.inbox.list()).groups[1];
    if (!dog) throw new Error("no group");
    await curation.inbox.dismiss(dog.id, "an");
    await seed([
      event(2, { sample: "Nuôi chó có phải đăng ký không?", intent: "no-match" }),
      event(1, { sample: "hàng xóm xây nhà lấn sang đất tôi", intent: "no-match" }),
    ]);
    const questions = (await curation.inbox.list()).groups.map((g) => g.question);
    expect(questions).toEqual(["ly hôn đơn phương cần giấy tờ gì", "hàng xóm xây nhà lấn sang đất tôi"]);
    const log = await redis.lrange(`${prefix}:curation:inbox:log`, 0, -1);
    expect(log.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ by: "an", action: "dismiss", count: 2 }),
    ]);
  });

  it("acts on a group from what it already read: the streams are never read again from the start", async () => {
    const [group] = (await curation.inbox.list()).groups;
    if (!group) throw new Error("no group");
    // Were an action to recompute from the streams, the group would be gone with them.
    await redis.del(`${prefix}:usage`);
    await curation.inbox.dismiss(group.id, "an");
    await seed([event(1, { sample: "hàng xóm xây nhà lấn sang đất tôi", intent: "no-match" })]);
    expect((await curation.inbox.list()).groups.map((g) => [g.question, g.count])).toEqual([
      [expect.stringMatching(/^nuôi chó/), 2],
      ["hàng xóm xây nhà lấn sang đất tôi", 1],
    ]);
  });

  it("starts a draft prefilled with the group's question and phrasings, without saving it", async () => {
    const [group] = (await curation.inbox.list()).groups;
    if (!group) throw new Error("no group");
    const draft = await curation.inbox.startDraft(group.id, "an");
    expect(draft).toMatchObject({
      id: "ly-hon-don-phuong-can-giay",
      question: "Ly hôn đơn phương cần giấy tờ gì?",
      variants: ["ly hôn đơn phương cần những giấy tờ gì ạ"],
      topic: "hon-nhan-gia-dinh",
      status: "draft",
      reviewDue: "2027-06-01",
    });
    expect(await curation.live.get(draft.id)).toBeUndefined();
    expect((await curation.inbox.list()).groups.map((g) => g.question)).toEqual([
      expect.stringMatching(/^nuôi chó/),
    ]);
  });
});
