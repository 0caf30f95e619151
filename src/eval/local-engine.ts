import { randomBytes } from "node:crypto";
import { Meilisearch, type Settings } from "meilisearch";
import type { Config } from "../config/index.js";
import { loadFaqs, TOPICS, topicLabel } from "../content/index.js";
import {
  createEngine,
  type Engine,
  type FaqSearch,
  memorySessionStore,
  type UsageSink,
} from "../core/index.js";
import { createLogger } from "../logging/index.js";
import { runningDevMeili, startMeiliServer } from "../runtime/index.js";
import { buildIndex, loadIndexSettings, meiliFaqSearch } from "../search/index.js";

/** An engine over a fresh FAQ index built from `content/`, for the eval, the bench and the console chat. */
export interface LocalEngine {
  readonly engine: Engine;
  readonly search: FaqSearch;
  readonly meiliUrl: string;
  readonly meiliKey: string;
  readonly indexUid: string;
  readonly documents: number;
  close(): Promise<void>;
}

/** Builds a temporary index (random name) on the configured, running or a spawned Meilisearch. */
export async function localEngine(
  config: Config,
  usage: UsageSink = { record: async () => {} },
  options: { ranker?: "bm25" | "meilisearch"; settings?: (s: Settings) => Settings } = {},
): Promise<LocalEngine> {
  const running = config.meili.url
    ? { url: config.meili.url, masterKey: config.meili.masterKey ?? "" }
    : await runningDevMeili(config.dataDir);
  const spawned = running ? undefined : await startMeiliServer({ dataDir: config.dataDir });
  const endpoint = running ?? spawned;
  if (!endpoint) throw new Error("no Meilisearch");
  const client = new Meilisearch({ host: endpoint.url, apiKey: endpoint.masterKey || undefined });
  const alias = `local_${randomBytes(4).toString("hex")}`;
  const { faqs } = await loadFaqs(config.content.dir);
  const settings = await loadIndexSettings(config.content.indexConfigDir);
  const result = await buildIndex(
    client,
    alias,
    faqs,
    options.settings ? options.settings(settings) : settings,
  );
  const search = meiliFaqSearch(client, alias, { ranker: options.ranker });
  const engine = createEngine({
    search,
    sessions: memorySessionStore(),
    usage,
    clock: { now: () => new Date() },
    org: config.org,
    thresholds: config.engine,
    topicLabels: TOPICS.map((t) => topicLabel(t.id)),
    topics: TOPICS.map((t) => ({ id: t.id, label: t.label })),
    sessionTtlSeconds: config.engine.sessionTtlSeconds,
    hashId: (id) => id,
    onError: (err, where) =>
      createLogger("warn").warn({ err: String(err), where }, "engine dependency failed"),
  });
  return {
    engine,
    search,
    meiliUrl: endpoint.url,
    meiliKey: endpoint.masterKey,
    indexUid: alias,
    documents: result.documents,
    async close() {
      await client
        .deleteIndex(alias)
        .waitTask()
        .catch(() => {});
      await spawned?.process?.stop();
    },
  };
}
