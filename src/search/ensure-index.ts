import type { Meilisearch } from "meilisearch";
import { type ContentIssue, type Faq, loadFaqs } from "../content/index.js";
import type { Logger } from "../logging/index.js";
import {
  buildIndex,
  contentHash,
  type IndexProgress,
  type IndexResult,
  updateIndexInPlace,
} from "./build-index.js";
import { loadIndexSettings } from "./index-settings.js";

/** Where the hash of the indexed content is kept (Redis in the app). */
export interface IndexStateStore {
  getHash(alias: string): Promise<string | null>;
  setHash(alias: string, hash: string): Promise<void>;
  /** Runs `fn` while holding a lock, so two instances never build at once. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Deletes the `<alias>_<timestamp>` indexes a build that died half-way left behind. */
async function removeHalfBuilt(client: Meilisearch, alias: string, logger: Logger): Promise<void> {
  const pattern = new RegExp(`^${alias.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}_\\d+$`);
  const { results } = await client.getIndexes({ limit: 1000 });
  for (const index of results.filter((i) => pattern.test(i.uid))) {
    await client.deleteIndex(index.uid).waitTask({ timeout: 60_000, interval: 50 });
    logger.info({ index: index.uid }, "removed a half-built index left by an interrupted build");
  }
}

/** What `ensureIndex` did. */
export type EnsureIndexResult =
  | ({ built: true } & IndexResult)
  | { built: false; hash: string; documents: number };

/**
 * Brings the FAQ index up to date: nothing when it already holds this content; the changed FAQs
 * written in place when only the content changed (a publish: about a second); a new index built and
 * swapped in when it is missing, the settings changed, or when forced.
 */
export async function ensureIndex(deps: {
  client: Meilisearch;
  alias: string;
  contentDir: string;
  /** Where the FAQs come from; default the files in `contentDir` (the app passes its content store). */
  faqs?: () => Promise<{ faqs: Faq[]; issues: ContentIssue[] }>;
  indexConfigDir: string;
  state: IndexStateStore;
  logger: Logger;
  force?: boolean;
  onProgress?: (p: IndexProgress) => void;
}): Promise<EnsureIndexResult> {
  const { client, alias, state, logger } = deps;
  const settings = await loadIndexSettings(deps.indexConfigDir);
  return state.withLock(`index:${alias}`, async () => {
    // Read under the lock: a publish on another instance that took the lock first is then included.
    const { faqs, issues } = await (deps.faqs ?? (() => loadFaqs(deps.contentDir)))();
    if (issues.length)
      logger.warn(
        { invalid: issues.length },
        "some content files are invalid and were skipped; run npm run content:check",
      );
    const published = faqs.filter((f) => f.status === "published");
    const hash = contentHash(published, settings);
    const exists = await client
      .index(alias)
      .getRawInfo()
      .then(() => true)
      .catch(() => false);
    // Only the lock holder builds, so any `<alias>_<timestamp>` left now was cut short by a crash.
    await removeHalfBuilt(client, alias, logger);
    if (!deps.force && exists && (await state.getHash(alias)) === hash) {
      return { built: false, hash, documents: published.length };
    }
    const settingsKey = `${alias}:settings`;
    const settingsHash = contentHash([], settings);
    if (!deps.force && exists && (await state.getHash(settingsKey)) === settingsHash) {
      const result = await updateIndexInPlace(client, alias, published, settings);
      await state.setHash(alias, result.hash);
      logger.info({ documents: result.documents, ms: result.ms }, "FAQ index updated in place");
      return { built: true, ...result };
    }
    const result = await buildIndex(client, alias, published, settings, deps.onProgress);
    await state.setHash(alias, result.hash);
    await state.setHash(settingsKey, settingsHash);
    logger.info({ documents: result.documents, ms: result.ms }, "FAQ index built and swapped in");
    return { built: true, ...result };
  });
}
