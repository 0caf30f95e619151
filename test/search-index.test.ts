import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { Settings } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Faq, loadFaqs } from "../src/content/index.js";
import { normalize } from "../src/core/index.js";
import { buildIndex, loadIndexSettings, meiliFaqSearch } from "../src/search/index.js";
import { meiliClient, randomName } from "./support/services.js";

const CONTENT = fileURLToPath(new URL("../content", import.meta.url));
const INDEX_CONFIG = fileURLToPath(new URL("../index-config", import.meta.url));
const WAIT = { timeout: 60_000, interval: 50 };
/** Searches in flight at once: a single search waits on Meilisearch, so running them in turn is slow. */
const SEARCH_CONCURRENCY = 8;
const client = meiliClient();

/** Runs `fn` over `items` with at most `limit` calls pending at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** Deletes the alias and any `<alias>_<ts>` build a failed test may have left behind. */
async function dropIndexes(alias: string): Promise<void> {
  const { results } = await client.getIndexes({ limit: 1000 });
  for (const { uid } of results)
    if (uid === alias || uid.startsWith(`${alias}_`)) await client.deleteIndex(uid).waitTask(WAIT);
}

describe("the FAQ index built from the real corpus", () => {
  const alias = randomName("faqs");
  let settings: Settings;
  let published: Faq[];

  beforeAll(async () => {
    settings = await loadIndexSettings(INDEX_CONFIG);
    published = (await loadFaqs(CONTENT)).faqs.filter((f) => f.status === "published");
    await buildIndex(client, alias, published, settings);
  }, 120_000);
  afterAll(() => dropIndexes(alias));

  it("ranks every published FAQ first for its own question and in the top 3 for each of its variants", async () => {
    expect(published.length).toBeGreaterThan(0);
    const search = meiliFaqSearch(client, alias);
    const checks = published.flatMap((faq) => [
      { faq, kind: "question", text: faq.question, within: 1 },
      ...faq.variants.map((text) => ({ faq, kind: "variant", text, within: 3 })),
    ]);
    const misses: string[] = [];
    await inParallel(checks, SEARCH_CONCURRENCY, async ({ faq, kind, text, within }) => {
      const top = (await search.search(normalize(text), { limit: 3 })).map((h) => h.faq.id);
      if (!top.slice(0, within).includes(faq.id))
        misses.push(`${faq.id} ${kind} "${text}" → ${top.join(", ") || "(nothing)"}`);
    });
    expect(misses.sort()).toEqual([]);
  }, 180_000);

  it("keeps answering searches on the alias while it is rebuilt twice in a row", async () => {
    const search = meiliFaqSearch(client, alias);
    const index = client.index(alias);
    const failures: string[] = [];
    let searches = 0;
    let building = true;
    const loop = (async () => {
      while (building) {
        const n = searches;
        searches += 2;
        const [faqHits, rawHits] = await Promise.allSettled([
          search.search(normalize("ly hôn đơn phương"), { limit: 3 }),
          index.search("ly hôn"),
        ]);
        if (faqHits.status === "rejected") failures.push(`#${n} faq search threw ${String(faqHits.reason)}`);
        else if (faqHits.value.length === 0) failures.push(`#${n} faq search returned nothing`);
        if (rawHits.status === "rejected")
          failures.push(`#${n + 1} index search threw ${String(rawHits.reason)}`);
        else if (rawHits.value.hits.length === 0) failures.push(`#${n + 1} index search returned nothing`);
        await sleep(5);
      }
    })();
    try {
      await buildIndex(client, alias, published, settings);
      await buildIndex(client, alias, published, settings);
    } finally {
      building = false;
      await loop;
    }
    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(20);
  }, 180_000);

  it("gets a published FAQ by id, and undefined for an id no FAQ has", async () => {
    const search = meiliFaqSearch(client, alias);
    const faq = published[0];
    if (!faq) throw new Error("the corpus has no published FAQ");
    expect(await search.get(faq.id)).toMatchObject({
      id: faq.id,
      question: faq.question,
      answer: faq.answer,
      topic: faq.topic,
      legalBasis: faq.legalBasis,
    });
    expect(await search.get("khong-co-cau-hoi-nay")).toBeUndefined();
  });
});

function faq(id: string, status: Faq["status"], question: string, variants: string[]): Faq {
  return {
    id,
    question,
    variants,
    topic: "dan-su",
    tags: [],
    audiences: [],
    legalBasis: [{ document: "Bộ luật Dân sự 2015", number: "91/2015/QH13" }],
    status,
    needsLegalReview: [],
    reviewDue: "2027-11-20",
    related: [],
    answer: "Dạ, đây là câu trả lời mẫu dùng cho kiểm thử chỉ mục.",
  };
}

describe("a FAQ index built from a corpus with a draft", () => {
  const alias = randomName("faqs_draft");
  afterAll(() => dropIndexes(alias));

  it("never returns the draft FAQ, from search or by id", async () => {
    const draft = faq(
      "nuoi-cho-can-nguoi",
      "draft",
      "Chó nhà nuôi thả rông cắn người thì chủ có phải đền không?",
      [
        "chó cắn hàng xóm ai chịu",
        "chủ chó phải bồi thường khi chó cắn",
        "cho can nguoi chu nuoi co bi phat khong",
        "chó không rọ mõm cắn trẻ em",
        "bị chó hàng xóm cắn đòi tiền chữa",
      ],
    );
    const corpus = [
      faq("vay-tien-khong-tra", "published", "Cho vay tiền mà người vay không trả thì làm sao?", [
        "vay tiền không trả",
        "đòi nợ người quen",
        "cho muon tien khong tra",
        "người vay bỏ trốn",
        "kiện đòi tiền cho vay",
      ]),
      faq("thue-nha-bi-duoi", "published", "Đang thuê nhà mà bị chủ đuổi trước hạn thì sao?", [
        "chủ nhà đuổi đi trước hạn",
        "thuê trọ bị đuổi",
        "thue nha bi lay lai truoc han",
        "mất cọc thuê nhà",
        "hợp đồng thuê nhà chưa hết hạn",
      ]),
      draft,
    ];
    await buildIndex(client, alias, corpus, await loadIndexSettings(INDEX_CONFIG));
    const search = meiliFaqSearch(client, alias);

    expect((await search.search(normalize(corpus[0]?.question ?? ""), { limit: 1 }))[0]?.faq.id).toBe(
      "vay-tien-khong-tra",
    );
    for (const text of [draft.question, ...draft.variants]) {
      const hits = await search.search(normalize(text), { limit: 10 });
      expect(hits.map((h) => h.faq.id)).not.toContain(draft.id);
    }
    const raw = await client.index(alias).search(normalize(draft.question), { limit: 10 });
    expect(raw.hits.map((h) => h.id)).not.toContain(draft.id);
    expect(await search.get(draft.id)).toBeUndefined();
  }, 60_000);
});
