import type { Redis } from "ioredis";
import { type ContentIssue, checkCorpus, type Faq } from "../content/index.js";
import type { Logger } from "../logging/index.js";
import { CurationHistory } from "./curation-history.js";
import { dirFaqFiles } from "./dir-faq-files.js";
import type { FaqFiles } from "./faq-files.js";
import { localDate } from "./local-date.js";
import { redisFaqFiles } from "./redis-faq-files.js";
import { type ReleaseSync, syncRelease } from "./sync-release.js";

/** The published corpus's one home (Redis), shared by every instance, once the release's corpus is taken in. */
export interface ContentStore {
  readonly live: FaqFiles;
  readonly revisions: FaqFiles;
  /** What taking the release in did at this start. */
  readonly sync: ReleaseSync;
  /** The valid FAQs of the store and the issues of the others (what the indexer publishes). */
  loadFaqs(): Promise<{ faqs: Faq[]; issues: ContentIssue[] }>;
}

/**
 * Opens the content store under `prefix` and takes the release's corpus (`releaseDir`, CONTENT_DIR) in by
 * the rule of {@link syncRelease}; logs one line saying what changed.
 */
export async function openContentStore(deps: {
  redis: Redis;
  prefix: string;
  releaseDir: string;
  mode: "review" | "apply";
  logger: Logger;
}): Promise<ContentStore> {
  const live = redisFaqFiles(deps.redis, deps.prefix, "live");
  const revisions = redisFaqFiles(deps.redis, deps.prefix, "revisions");
  const sync = await syncRelease({
    redis: deps.redis,
    prefix: deps.prefix,
    release: dirFaqFiles(deps.releaseDir),
    live,
    revisions,
    history: new CurationHistory({ redis: deps.redis, prefix: deps.prefix }),
    mode: deps.mode,
    logger: deps.logger,
  });
  // Before listening: parse the live corpus and fold its phrasings now, so the first console save after a
  // start does not spend ~0.3 s of the event loop on it (later lists and checks reuse both).
  checkCorpus(await live.list(), { today: localDate(new Date()), enforceMinimums: false });
  const changed = sync.first || sync.imported.length || sync.proposed.length || sync.deferred.length;
  if (changed)
    deps.logger.info(
      {
        first: sync.first,
        imported: sync.imported.length,
        proposed: sync.proposed.length,
        deferred: sync.deferred,
        dropped: sync.dropped,
      },
      sync.first ? "content store seeded from the release" : "release content taken in",
    );
  return {
    live,
    revisions,
    sync,
    async loadFaqs() {
      const files = await live.list();
      return {
        faqs: files.flatMap((f) => (f.faq ? [f.faq] : [])),
        issues: files.flatMap((f) => f.issues),
      };
    },
  };
}
