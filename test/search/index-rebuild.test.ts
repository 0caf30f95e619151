import os from "node:os";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/index.js";
import { redisIndexState, withRedisLock } from "../../src/redis/index.js";
import { ensureIndex } from "../../src/search/index.js";
import { meiliClient, randomName, redisClient, removeKeys } from "../support/services.js";

const CONTENT = fileURLToPath(new URL("../../content", import.meta.url));
const INDEX_CONFIG = fileURLToPath(new URL("../../index-config", import.meta.url));
const WAIT = { timeout: 60_000, interval: 50 };
const client = meiliClient();
const redis = redisClient();
const logger = createLogger("silent");
const aliases: string[] = [];
const prefixes: string[] = [];

afterAll(async () => {
  const { results } = await client.getIndexes({ limit: 1000 });
  for (const { uid } of results)
    if (aliases.some((a) => uid === a || uid.startsWith(`${a}_`)))
      await client.deleteIndex(uid).waitTask(WAIT);
  for (const prefix of prefixes) await removeKeys(prefix);
  redis.disconnect();
});

function names() {
  const alias = randomName("rebuild");
  aliases.push(alias);
  prefixes.push(alias);
  return { alias, prefix: alias };
}

/** A lock token naming a process on this machine that no longer runs. */
async function deadHolder(): Promise<string> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, ["-e", ""]);
  const pid = child.pid;
  await new Promise((r) => child.once("exit", r));
  return `${os.hostname()}:${pid}:oldrun:abc`;
}

describe("the index build lock", () => {
  it("is renewed while the work runs, so nobody else gets it even past its expiry", {
    timeout: 30_000,
  }, async () => {
    const key = `${randomName("lock")}:k`;
    prefixes.push(key.split(":")[0] as string);
    let contender: unknown;
    await withRedisLock(
      redis,
      key,
      async () => {
        await new Promise((r) => setTimeout(r, 5000));
        contender = await withRedisLock(redis, key, async () => "got it", { waitMs: 0 }).catch(
          (e: Error) => e.message,
        );
      },
      { ttlMs: 2000 },
    );
    expect(contender).toMatch(/still held/);
    expect(await redis.get(key)).toBeNull();
  });

  it("is released when the work throws", async () => {
    const key = `${randomName("lock")}:k`;
    prefixes.push(key.split(":")[0] as string);
    await expect(
      withRedisLock(redis, key, async () => {
        throw new Error("build failed");
      }),
    ).rejects.toThrow("build failed");
    expect(await redis.get(key)).toBeNull();
  });

  it("is taken over at once from a process on this machine that died holding it", async () => {
    const key = `${randomName("lock")}:k`;
    prefixes.push(key.split(":")[0] as string);
    await redis.set(key, await deadHolder(), "PX", 120_000);
    // waitMs 0: were the stale lock not taken over, this would throw.
    expect(await withRedisLock(redis, key, async () => "built", { waitMs: 0 })).toBe("built");
  });
});

describe("an index build", () => {
  it("removes the half-built index an interrupted build left behind", async () => {
    const { alias, prefix } = names();
    await client.createIndex(`${alias}_1765000000000123`, { primaryKey: "id" }).waitTask(WAIT);
    await ensureIndex({
      client,
      alias,
      contentDir: CONTENT,
      indexConfigDir: INDEX_CONFIG,
      state: redisIndexState(redis, prefix),
      logger,
    });
    const { results } = await client.getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(alias))).toEqual([alias]);
  }, 120_000);
});

describe("a publish", () => {
  it("writes a changed FAQ into the live index in place when only the content changed, and removes a retired one", async () => {
    const { alias, prefix } = names();
    const { loadFaqs } = await import("../../src/content/index.js");
    const { faqs } = await loadFaqs(CONTENT);
    const published = faqs.filter((f) => f.status === "published");
    const [edited, retired] = published;
    if (!edited || !retired) throw new Error("the corpus has FAQs");
    const state = redisIndexState(redis, prefix);
    const run = (list: typeof faqs) =>
      ensureIndex({
        client,
        alias,
        contentDir: CONTENT,
        faqs: async () => ({ faqs: list, issues: [] }),
        indexConfigDir: INDEX_CONFIG,
        state,
        logger,
      });
    const first = await run(faqs);
    expect(first).toMatchObject({ built: true });
    const createdAt = (await client.index(alias).getRawInfo()).createdAt;

    const changed = faqs
      .filter((f) => f.id !== retired.id)
      .map((f) => (f.id === edited.id ? { ...f, answer: `${f.answer}\n\nĐoạn mới xuất bản.` } : f));
    const second = await run(changed);
    expect(second).toMatchObject({ built: true, uid: alias, documents: published.length - 1 });
    // The same index (not a new one swapped in), holding the new text and not the retired FAQ.
    expect((await client.index(alias).getRawInfo()).createdAt).toBe(createdAt);
    const doc = await client.index(alias).getDocument(edited.id, { fields: ["answer", "rev"] });
    expect(doc.answer).toContain("Đoạn mới xuất bản.");
    await expect(client.index(alias).getDocument(retired.id)).rejects.toThrow();
    const revs = await client.index(alias).getDocuments<{ rev: string }>({ fields: ["rev"], limit: 10_000 });
    expect(new Set(revs.results.map((d) => d.rev))).toEqual(new Set([second.built ? second.hash : ""]));
    // Nothing changed: nothing done.
    expect(await run(changed)).toMatchObject({ built: false });
  }, 180_000);
});
