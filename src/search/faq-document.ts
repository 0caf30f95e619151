import type { Faq } from "../content/index.js";
import { normalize } from "../core/index.js";

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
    rev,
    q: normalize(faq.question),
    v: faq.variants.map((v) => normalize(v)),
    t: faq.tags.map((t) => normalize(t)),
    a: normalize(plain(faq.answer)),
  };
}
