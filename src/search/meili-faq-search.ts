import type { Meilisearch } from "meilisearch";
import type { FaqHit, FaqRecord, FaqSearch } from "../core/index.js";
import type { FaqDocument } from "./faq-document.js";
import { LexicalIndex } from "./lexical-index.js";

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
];
/** How many Meilisearch hits join the candidates. */
const MEILI_CANDIDATES = 20;
/** How long a snapshot of the corpus is reused before it is read again (a reindex shows after this). */
const SNAPSHOT_TTL_MS = 3_000;
/** Share of Meilisearch's `_rankingScore` in the final score (it brings typo tolerance and synonyms). */
const MEILI_WEIGHT = 0;

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
  };
}

interface Snapshot {
  readonly at: number;
  readonly byId: ReadonlyMap<string, FaqRecord>;
  readonly lexical: LexicalIndex;
}

/**
 * {@link FaqSearch} over a Meilisearch index (the alias `buildIndex` swaps). Each query asks
 * Meilisearch for candidates with `_rankingScore` and scores every FAQ phrase by IDF-weighted
 * word overlap on a snapshot of the index; the two are blended. Meilisearch alone ties many
 * FAQs at 1.0 and drops words of long questions, which the overlap score separates.
 */
export function meiliFaqSearch(client: Meilisearch, indexUid: string): FaqSearch {
  const index = client.index<FaqDocument>(indexUid);
  let snapshot: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;

  async function load(): Promise<Snapshot> {
    const res = await index.getDocuments({
      fields: [...DISPLAY, "q", "v", "t", "a"] as (keyof FaqDocument)[],
      limit: 10_000,
      filter: "status = published",
    });
    const docs = res.results;
    const ranked = docs.map((d) => ({
      id: d.id ?? "",
      question: d.q ?? "",
      variants: d.v ?? [],
      tags: d.t ?? [],
      answer: d.a ?? "",
    }));
    return {
      at: Date.now(),
      byId: new Map(docs.map((d) => [d.id ?? "", toRecord(d)])),
      lexical: new LexicalIndex(ranked),
    };
  }

  async function current(): Promise<Snapshot> {
    if (snapshot && Date.now() - snapshot.at < SNAPSHOT_TTL_MS) return snapshot;
    loading ??= load().finally(() => {
      loading = undefined;
    });
    if (snapshot) {
      // Serve the previous snapshot while a fresh one loads; keep it if the load fails.
      loading.then((s) => (snapshot = s)).catch(() => {});
      return snapshot;
    }
    snapshot = await loading;
    return snapshot;
  }

  return {
    async search(query, { limit }) {
      const [res, snap] = await Promise.all([
        index.search(query, {
          limit: MEILI_CANDIDATES,
          showRankingScore: true,
          attributesToRetrieve: ["id"],
          matchingStrategy: "last",
          filter: "status = published",
        }),
        current(),
      ]);
      const meili = new Map(
        res.hits.map((h) => [h.id ?? "", (h as { _rankingScore?: number })._rankingScore ?? 0]),
      );
      const lexical = new Map(snap.lexical.search(query, 30).map((h) => [h.faqId, h.score]));
      const scored = [...new Set([...meili.keys(), ...lexical.keys()])].map((id) => ({
        id,
        score: (1 - MEILI_WEIGHT) * (lexical.get(id) ?? 0) + MEILI_WEIGHT * (meili.get(id) ?? 0),
      }));
      scored.sort((a, b) => b.score - a.score);
      return scored.slice(0, limit).flatMap(({ id, score }): FaqHit[] => {
        const faq = snap.byId.get(id);
        return faq ? [{ faq, score }] : [];
      });
    },
    async get(id) {
      if (!/^[a-z0-9-]{1,120}$/.test(id)) return undefined;
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
