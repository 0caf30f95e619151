import type { Faq } from "../content/index.js";
import { normalize } from "../core/index.js";
import type { RankedDoc } from "./lexical-index.js";

/** A FAQ as stored in Meilisearch: display fields plus normalized search fields (q, v, t, a). */
export interface FaqDocument {
  id: string;
  question: string;
  answer: string;
  topic: string;
  audiences: string[];
  tags: string[];
  variants: string[];
  legalBasis: Faq["legalBasis"];
  related: string[];
  relatedLinks: { id: string; question: string }[];
  status: string;
  /** Attribute → values setting the FAQ apart from its siblings (content's `facets`). */
  facets?: Record<string, string[]>;
  /** Hash of the indexed corpus and settings: readers reload their snapshot when it changes. */
  rev: string;
  q: string;
  v: string[];
  t: string[];
  a: string;
}

function plain(markdown: string): string {
  return markdown
    .replace(/^#+\s.*$/gm, " ")
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/[*_`>#-]+/g, " ");
}

type SearchFields = Pick<FaqDocument, "q" | "v" | "t" | "a">;
/**
 * Normalized search fields per parsed FAQ. The content store hands out the same parsed FAQ until its
 * text changes, so a publish normalizes only what changed (all 424 FAQs took ~80 ms on the event loop).
 */
const searchFields = new WeakMap<Faq, SearchFields>();
function searchFieldsOf(faq: Faq): SearchFields {
  let fields = searchFields.get(faq);
  if (!fields) {
    fields = {
      q: normalize(faq.question),
      v: faq.variants.map((v) => normalize(v)),
      t: faq.tags.map((t) => normalize(t)),
      a: normalize(plain(faq.answer)),
    };
    searchFields.set(faq, fields);
  }
  return fields;
}

/** Builds the index document of a FAQ; the search fields use the same `normalize()` as queries. */
export function toFaqDocument(
  faq: Faq,
  questions: ReadonlyMap<string, string> = new Map(),
  rev = "",
): FaqDocument {
  return {
    id: faq.id,
    question: faq.question,
    answer: faq.answer,
    topic: faq.topic,
    audiences: faq.audiences,
    tags: faq.tags,
    variants: faq.variants,
    legalBasis: faq.legalBasis,
    related: faq.related,
    relatedLinks: faq.related.flatMap((id) => {
      const question = questions.get(id);
      return question ? [{ id, question }] : [];
    }),
    status: faq.status,
    ...(faq.facets ? { facets: faq.facets } : {}),
    rev,
    ...searchFieldsOf(faq),
  };
}

/** The search fields of an index document as the in-app ranking reads them (missing fields empty). */
export function toRankedDoc(doc: Partial<Pick<FaqDocument, "id" | "q" | "v" | "t" | "a">>): RankedDoc {
  return {
    id: doc.id ?? "",
    question: doc.q ?? "",
    variants: doc.v ?? [],
    tags: doc.t ?? [],
    answer: doc.a ?? "",
  };
}
