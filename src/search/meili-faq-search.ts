import type { Meilisearch } from "meilisearch";
import type { FaqHit, FaqRecord, FaqSearch } from "../core/index.js";
import { buildLexicalInWorker } from "./build-lexical-in-worker.js";
import { type FaqDocument, toRankedDoc } from "./faq-document.js";
import type { LexicalIndex, RankedDoc } from "./lexical-index.js";

const DISPLAY = [
  "id",
  "question",
  "answer",
  "topic",
  "legalBasis",
  "related",
  "relatedLinks",
  "audiences",
  "tags",
  "variants",
  "status",
  "facets",
];
/**
 * How long a snapshot of the corpus is reused before its revision is probed again (one tiny read): a publish
 * on any instance swaps the shared index, and every instance serves it within about this long plus one load.
 */
const SNAPSHOT_TTL_MS = 1_000;

function toRecord(doc: Partial<FaqDocument>): FaqRecord {
  return {
    id: doc.id ?? "",
    question: doc.question ?? "",
    answer: doc.answer ?? "",
    topic: doc.topic ?? "",
    legalBasis: doc.legalBasis ?? [],
    related: doc.related ?? [],
    relatedLinks: doc.relatedLinks ?? [],
    variants: doc.variants ?? [],
    tags: doc.tags ?? [],
    audiences: doc.audiences ?? [],
    status: doc.status,
    ...(doc.facets ? { facets: doc.facets } : {}),
  };
}

interface Snapshot {
  readonly at: number;
  readonly rev: string;
  readonly byId: ReadonlyMap<string, FaqRecord>;
  readonly lexical: LexicalIndex;
}

/** Options of {@link meiliFaqSearch}. */
export interface MeiliFaqSearchOptions {
  readonly ranker?: "bm25" | "meilisearch";
  /** Builds the ranking of a new snapshot; default in a worker thread, off the event loop. */
  readonly buildLexical?: (docs: RankedDoc[]) => Promise<LexicalIndex>;
  /** A snapshot could not be refreshed (the previous one keeps serving). */
  readonly onError?: (error: unknown) => void;
}

/** The Meilisearch search, and what it serves from while Meilisearch does not answer. */
export interface MeiliFaqSearch extends FaqSearch {
  /** Reads the published corpus now and serves it before resolving (start-up, and after a publish). */
  refresh(): Promise<void>;
  /** Seconds since the corpus snapshot was read, or undefined when there is none yet (nothing to serve). */
  snapshotAgeSeconds(): number | undefined;
  /** True once a snapshot of a published index is loaded (loading one if there is none yet). */
  ready(): Promise<boolean>;
}

/**
 * {@link FaqSearch} over a Meilisearch index (the alias `buildIndex` swaps). Meilisearch holds the
 * published FAQs; ranking is BM25 over a snapshot of them (re-read every few seconds), because on
 * the labeled questions Meilisearch's bucketed `_rankingScore` ranked the right FAQ first for
 * 49.8% and the BM25 ranking for 87.8% (test/eval, see the README). While Meilisearch is down the last
 * snapshot keeps serving; with none, search fails and the engine gives the hotline. Scores are in 0..1.
 * A new snapshot's ranking is built off the event loop; the previous one serves until it is ready.
 */
export function meiliFaqSearch(
  client: Meilisearch,
  indexUid: string,
  options: MeiliFaqSearchOptions = {},
): MeiliFaqSearch {
  const buildLexical = options.buildLexical ?? ((docs: RankedDoc[]) => buildLexicalInWorker(docs));
  const index = client.index<FaqDocument>(indexUid);
  let snapshot: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;

  async function load(): Promise<Snapshot> {
    // One tiny read tells whether the corpus changed; rebuilding the ranking is only done when it did.
    const probe = await index.getDocuments({ fields: ["rev"], limit: 1, filter: "status = published" });
    const rev = probe.results[0]?.rev ?? "";
    if (snapshot && rev && snapshot.rev === rev) return { ...snapshot, at: Date.now() };
    const res = await index.getDocuments({
      fields: [...DISPLAY, "q", "v", "t", "a"] as (keyof FaqDocument)[],
      limit: 10_000,
      filter: "status = published",
    });
    const docs = res.results;
    const lexical = await buildLexical(docs.map(toRankedDoc));
    return { at: Date.now(), rev, byId: new Map(docs.map((d) => [d.id ?? "", toRecord(d)])), lexical };
  }

  /** Loads a snapshot and serves it once ready; the previous one serves meanwhile and if it fails. */
  function startLoad(): Promise<Snapshot> {
    const started = load()
      .then((s) => (snapshot = s))
      .finally(() => {
        if (loading === started) loading = undefined;
      });
    loading = started;
    // Reported once per failed load while a previous snapshot serves; with none, the caller gets the error.
    started.catch((error) => {
      if (snapshot) options.onError?.(error);
    });
    return started;
  }

  async function current(): Promise<Snapshot> {
    if (snapshot && Date.now() - snapshot.at < SNAPSHOT_TTL_MS) return snapshot;
    const pending = loading ?? startLoad();
    // Serve the previous snapshot while a fresh one loads (its ranking is built in a worker).
    return snapshot ?? pending;
  }

  return {
    snapshotAgeSeconds: () => (snapshot ? Math.round((Date.now() - snapshot.at) / 1000) : undefined),
    async refresh() {
      // A load already under way may have probed before the publish: wait for it, then load again.
      await loading?.catch(() => {});
      await startLoad();
    },
    async ready() {
      return (await current().catch(() => snapshot)) !== undefined;
    },
    async search(query, { limit }) {
      if (options.ranker === "meilisearch") {
        // Meilisearch's own ranking with the index-config settings: kept to measure those settings.
        const res = await index.search(query, {
          limit,
          showRankingScore: true,
          attributesToRetrieve: DISPLAY,
          matchingStrategy: "last",
          filter: "status = published",
        });
        return res.hits.map(
          (h): FaqHit => ({ faq: toRecord(h), score: (h as { _rankingScore?: number })._rankingScore ?? 0 }),
        );
      }
      const snap = await current();
      return snap.lexical.search(query, limit).flatMap(({ faqId, score, coverage }): FaqHit[] => {
        const faq = snap.byId.get(faqId);
        return faq ? [{ faq, score, coverage }] : [];
      });
    },
    async byTopic(topic, limit) {
      const snap = await current();
      return [...snap.byId.values()].filter((f) => f.topic === topic).slice(0, limit);
    },
    async get(id) {
      if (!/^[a-z0-9-]{1,120}$/.test(id)) return undefined;
      // The snapshot holds every published FAQ: a FAQ page or a typed choice number works while
      // Meilisearch is down, and costs it nothing while it is up.
      const snap = await current().catch(() => snapshot);
      if (snap) return snap.byId.get(id);
      try {
        const doc = await index.getDocument(id, { fields: DISPLAY as (keyof FaqDocument)[] });
        return doc.status === "published" ? toRecord(doc) : undefined;
      } catch (error) {
        if ((error as { cause?: { code?: string } }).cause?.code === "document_not_found") return undefined;
        throw error;
      }
    },
  };
}
