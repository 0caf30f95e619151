// `npm run index`: takes content/ into the content store (the same rule as at start: console edits are never
// undone), then builds a new FAQ index of the store with the settings in index-config/ and swaps it in.
import { Meilisearch } from "meilisearch";
import { loadConfig } from "../config/index.js";
import { openContentStore } from "../curation/index.js";
import { createLogger } from "../logging/index.js";
import { openRedis, redisIndexState } from "../redis/index.js";
import { runningDevMeili, startMeiliServer } from "../runtime/index.js";
import { ensureIndex, type IndexProgress } from "../search/index.js";

const config = loadConfig(process.env);
const logger = createLogger("warn");
const meili = config.meili.url
  ? { url: config.meili.url, masterKey: config.meili.masterKey ?? "" }
  : ((await runningDevMeili(config.dataDir)) ?? (await startMeiliServer({ dataDir: config.dataDir })));
const redis = openRedis(config.redis, { maxRetriesPerRequest: 2 });
const tty = process.stdout.isTTY;

function bar(p: IndexProgress): void {
  const width = 30;
  const filled = p.total ? Math.round((p.done / p.total) * width) : width;
  const line = `${p.step.padEnd(9)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${p.done}/${p.total}`;
  if (tty) process.stdout.write(`\r${line}`);
  else if (p.step !== "documents" || p.done === p.total) process.stdout.write(`${line}\n`);
}

try {
  const content = await openContentStore({
    redis,
    prefix: config.redis.prefix,
    releaseDir: config.content.dir,
    mode: config.content.updates,
    logger,
  });
  const { proposed, deferred } = content.sync;
  if (proposed.length)
    process.stdout.write(`${proposed.length} new or changed FAQs wait in the admin review queue.\n`);
  if (deferred.length)
    process.stdout.write(`Left for later (a draft is pending in the console): ${deferred.join(", ")}\n`);
  const result = await ensureIndex({
    client: new Meilisearch({ host: meili.url, apiKey: meili.masterKey || undefined }),
    alias: config.meili.index,
    contentDir: config.content.dir,
    faqs: () => content.loadFaqs(),
    indexConfigDir: config.content.indexConfigDir,
    state: redisIndexState(redis, config.redis.prefix),
    logger,
    force: true,
    onProgress: bar,
  });
  if (tty) process.stdout.write("\n");
  if (result.built) {
    process.stdout.write(
      `Indexed ${result.documents} published FAQs into "${config.meili.index}" in ${result.ms} ms (hash ${result.hash}).\n`,
    );
  }
} catch (error) {
  process.stderr.write(`Indexing failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  redis.disconnect();
  if ("process" in meili && meili.process) await meili.process.stop();
}
