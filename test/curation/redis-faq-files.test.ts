import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { faqVersion } from "../../src/curation/faq-version.js";
import { redisFaqFiles } from "../../src/curation/redis-faq-files.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

const TEXT = readFileSync("content/faq/bao-hiem/bhxh-chua-du-15-nam.md", "utf8");
const ID = "bhxh-chua-du-15-nam";

describe("FAQ files in Redis", () => {
  let redis: Redis;
  let prefix: string;
  beforeEach(() => {
    redis = redisClient();
    prefix = randomName("files");
  });
  afterEach(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it("lists what another instance wrote since the last list, and drops what it removed (parsed files are reused only for the same text)", async () => {
    const here = redisFaqFiles(redis, prefix, "live");
    const there = redisFaqFiles(redis, prefix, "live");
    expect(await here.put(ID, "bao-hiem", TEXT, null)).toEqual({ ok: true });
    const first = await here.list();
    expect(first.map((f) => f.faq?.question)).toEqual([expect.stringMatching(/\S/)]);

    const edited = TEXT.replace(/^question: .*$/m, 'question: "Câu hỏi đã sửa trên máy khác?"');
    expect(await there.put(ID, "bao-hiem", edited, faqVersion(TEXT))).toEqual({ ok: true });
    const second = await here.list();
    expect(second[0]?.faq?.question).toBe("Câu hỏi đã sửa trên máy khác?");
    expect(second[0]?.text).toBe(edited);
    // Unchanged text: the same parsed file, not a second parse.
    expect((await here.list())[0]).toBe(second[0]);

    expect(await there.remove(ID, faqVersion(edited))).toEqual({ ok: true });
    expect(await here.list()).toEqual([]);
  });
});
