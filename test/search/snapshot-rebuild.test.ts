import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Faq, loadFaqs } from "../../src/content/index.js";
import { normalize } from "../../src/core/index.js";
import {
  buildIndex,
  buildLexicalInWorker,
  type LexicalIndex,
  loadIndexSettings,
  meiliFaqSearch,
  type RankedDoc,
} from "../../src/search/index.js";
import { meiliClient, randomName } from "../support/services.js";

const CONTENT = fileURLToPath(new URL("../../content", import.meta.url));
const INDEX_CONFIG = fileURLToPath(new URL("../../index-config", import.meta.url));
const WAIT = { timeout: 60_000, interval: 50 };
const client = meiliClient();
const aliases: string[] = [];
let published: Faq[];

beforeAll(async () => {
  published = (await loadFaqs(CONTENT)).faqs.filter((f) => f.status === "published").slice(0, 12);
});

afterAll(async () => {
  const { results } = await client.getIndexes({ limit: 1000 });
  for (const { uid } of results)
    if (aliases.some((a) => uid === a || uid.startsWith(`${a}_`)))
      await client.deleteIndex(uid).waitTask(WAIT);
});

/** A published index of the first FAQs of the corpus; `add` publishes one more later. */
async function corpusIndex() {
  const alias = randomName("snapshot");
  aliases.push(alias);
  const settings = await loadIndexSettings(INDEX_CONFIG);
  const [extra, ...first] = published as [Faq, ...Faq[]];
  await buildIndex(client, alias, first, settings);
  return { alias, extra, first, add: () => buildIndex(client, alias, [...first, extra], settings) };
}

/** A ranking build that waits for `open()`, so a test can look at the search while it runs. */
function gatedBuild() {
  let open = () => {};
  let started = 0;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    get started() {
      return started;
    },
    open: () => open(),
    build: async (docs: RankedDoc[]): Promise<LexicalIndex> => {
      started++;
      // The first snapshot is built at once; the rebuild after a publish waits for the gate.
      if (started > 1) await gate;
      return buildLexicalInWorker(docs);
    },
  };
}

const top = async (search: ReturnType<typeof meiliFaqSearch>, text: string) =>
  (await search.search(normalize(text), { limit: 1 }))[0]?.faq.id;

describe("the search snapshot rebuilt after a publish", () => {
  it("keeps answering from the previous snapshot while the new ranking is built, then switches to it", async () => {
    const { alias, extra, first, add } = await corpusIndex();
    const ranking = gatedBuild();
    const search = meiliFaqSearch(client, alias, { buildLexical: ranking.build });
    const known = first[0] as Faq;
    expect(await top(search, known.question)).toBe(known.id);
    expect(await top(search, extra.question)).not.toBe(extra.id);

    await add();
    // The snapshot ages (1 s), a search starts the rebuild, which now waits on the gate.
    await vi.waitFor(
      async () => {
        await search.search(normalize(known.question), { limit: 1 });
        expect(ranking.started).toBe(2);
      },
      { timeout: 10_000, interval: 200 },
    );
    const during = await Promise.all([top(search, known.question), top(search, extra.question)]);
    expect(during).toEqual([known.id, expect.not.stringMatching(`^${extra.id}$`)]);
    expect(await search.get(extra.id)).toBeUndefined();

    ranking.open();
    await vi.waitFor(async () => expect(await top(search, extra.question)).toBe(extra.id), {
      timeout: 30_000,
      interval: 100,
    });
    expect(await top(search, known.question)).toBe(known.id);
    expect((await search.get(extra.id))?.question).toBe(extra.question);
  }, 120_000);

  it("keeps the previous snapshot and reports the error when building the new ranking fails", async () => {
    const { alias, extra, first, add } = await corpusIndex();
    const errors: unknown[] = [];
    let builds = 0;
    const search = meiliFaqSearch(client, alias, {
      buildLexical: async (docs) => {
        builds++;
        if (builds > 1) throw new Error("worker crashed");
        return buildLexicalInWorker(docs);
      },
      onError: (error) => errors.push(error),
    });
    const known = first[0] as Faq;
    expect(await top(search, known.question)).toBe(known.id);

    await add();
    await vi.waitFor(
      async () => {
        expect(await top(search, known.question)).toBe(known.id);
        expect(errors).not.toHaveLength(0);
      },
      { timeout: 10_000, interval: 200 },
    );
    expect(String(errors[0])).toMatch(/worker crashed/);
    expect(await top(search, extra.question)).not.toBe(extra.id);
    expect(await search.ready()).toBe(true);
  }, 120_000);
});
