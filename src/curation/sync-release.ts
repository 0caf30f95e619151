import type { Redis } from "ioredis";
import type { Logger } from "../logging/index.js";
import { redisKeys, withRedisLock } from "../redis/index.js";
import { AUTHORING_ACTIONS, type CurationHistory, RELEASE_AUTHOR } from "./curation-history.js";
import { curationKeys } from "./curation-keys.js";
import type { FaqFiles } from "./faq-files.js";
import { faqVersion } from "./faq-version.js";

/** What taking a release's corpus in did. */
export interface ReleaseSync {
  /** True when the store was empty and the whole corpus became the store. */
  readonly first: boolean;
  /** FAQs written straight into the store (first start; new drafts; `apply` on unedited FAQs). */
  readonly imported: readonly string[];
  /** FAQs whose release text now waits in the review queue. */
  readonly proposed: readonly string[];
  /** FAQs with a person's work pending: left alone, proposed again at the next start. */
  readonly deferred: readonly string[];
  /** FAQs the store has and the release no longer ships: left as they are (retire them in the console). */
  readonly dropped: readonly string[];
}

/** What syncRelease needs: the release's files, the store, the history and the rule. */
export interface ReleaseSyncDeps {
  readonly redis: Redis;
  readonly prefix: string;
  /** The corpus shipped with this release (CONTENT_DIR in the image). */
  readonly release: FaqFiles;
  readonly live: FaqFiles;
  readonly revisions: FaqFiles;
  readonly history: CurationHistory;
  /** `review`: new and changed FAQs go to review; `apply`: FAQs nobody edited in the console follow the release. */
  readonly mode: "review" | "apply";
  readonly logger: Logger;
}

/** The file text with its front-matter `status:` set; every other byte unchanged. */
export function withStatus(text: string, status: string): string {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!front?.[1]) return text;
  const start = front[0].indexOf(front[1]);
  return (
    text.slice(0, start) +
    front[1].replace(/^status:.*$/m, `status: ${status}`) +
    text.slice(start + front[1].length)
  );
}

const PUBLISHED = /^status:\s*["']?published\b/m;
const IN_WORK = /^status:\s*["']?(draft|review)\b/m;

/**
 * Takes a release's corpus into the content store, never undoing what legal officers did in the console.
 * The store remembers, per FAQ, the release text it last took in (`<prefix>:content:release`); a release
 * file identical to it is no news. Otherwise: a FAQ the store lacks is added (a published one as a FAQ in
 * review, in `review` mode); a changed FAQ becomes a pending revision in review by `@release` (in `apply`
 * mode a FAQ still exactly as the previous release shipped it is updated instead); a FAQ with a person's
 * draft or revision pending is left alone and tried again at the next start. The very first start copies
 * the corpus as it is. One instance at a time (Redis lock), so instances starting together agree.
 */
export async function syncRelease(deps: ReleaseSyncDeps): Promise<ReleaseSync> {
  const { redis, prefix, live, revisions, history, logger } = deps;
  const baselineKey = curationKeys(prefix).content("release");
  return withRedisLock(redis, redisKeys.lock(prefix, "content-release"), async () => {
    const [files, baseline, stored] = await Promise.all([
      deps.release.list(),
      redis.hgetall(baselineKey),
      live.list(),
    ]);
    const valid = files.filter((f) => f.faq);
    if (valid.length < files.length)
      logger.warn(
        { invalid: files.length - valid.length },
        "release files that fail content:check were not taken in",
      );
    const first = stored.length === 0 && Object.keys(baseline).length === 0;
    const out = { imported: [] as string[], proposed: [] as string[], deferred: [] as string[] };
    const taken: Record<string, string> = {};

    const personsWork = async (id: string) => {
      const entries = await history.list(id);
      const since = entries.slice(
        entries.findLastIndex((e) => e.action === "approve" || e.action === "discard") + 1,
      );
      return since.some((e) => AUTHORING_ACTIONS.has(e.action) && e.by !== RELEASE_AUTHOR);
    };
    const record = (
      id: string,
      action: "import" | "propose",
      area: "live" | "revision",
      before?: string,
      after?: string,
    ) =>
      history.record(id, {
        by: RELEASE_AUTHOR,
        action,
        area,
        before: before === undefined ? undefined : { text: before, version: faqVersion(before) },
        after: after === undefined ? undefined : { text: after, version: faqVersion(after) },
      });

    for (const file of valid) {
      const faq = file.faq;
      if (!faq) continue;
      const { id, topic } = faq;
      const text = file.text;
      if (baseline[id] === text) continue;
      const [current, revision] = await Promise.all([live.get(id), revisions.get(id)]);
      if (!current && !revision) {
        const propose = !first && deps.mode === "review" && PUBLISHED.test(text);
        const next = propose ? withStatus(text, "review") : text;
        if (!(await live.put(id, topic, next, null)).ok) continue;
        if (!first) await record(id, propose ? "propose" : "import", "live", undefined, next);
        (propose ? out.proposed : out.imported).push(id);
      } else if (current?.text === text && !revision) {
        // The store already holds exactly this text.
      } else if (await personsWork(id)) {
        out.deferred.push(id);
        continue;
      } else if (deps.mode === "apply" && current && current.text === baseline[id] && !revision) {
        if (!(await live.put(id, topic, text, faqVersion(current.text))).ok) continue;
        await record(id, "import", "live", current.text, text);
        out.imported.push(id);
      } else if (!PUBLISHED.test(text)) {
        logger.warn({ faq: id }, "the release drafts or retires a FAQ the store keeps; left as it is");
      } else if (current && !revision && IN_WORK.test(current.text)) {
        // An earlier release's proposal of a new FAQ, not yet approved: this release's text replaces it.
        const next = withStatus(text, "review");
        if (!(await live.put(id, topic, next, faqVersion(current.text))).ok) continue;
        await record(id, "propose", "live", current.text, next);
        out.proposed.push(id);
      } else {
        const next = withStatus(text, "review");
        const expected = revision ? faqVersion(revision.text) : null;
        if (!(await revisions.put(id, topic, next, expected)).ok) continue;
        await record(id, "propose", "revision", revision?.text ?? current?.text, next);
        out.proposed.push(id);
      }
      taken[id] = text;
    }
    if (Object.keys(taken).length) await redis.hset(baselineKey, taken);
    const shipped = new Set(valid.map((f) => f.faq?.id));
    const dropped = stored.flatMap((f) =>
      f.faq && !shipped.has(f.faq.id) && baseline[f.faq.id] ? [f.faq.id] : [],
    );
    return { first, ...out, dropped };
  });
}
