import type { Faq } from "../../content/index.js";
import type { FaqPrefill } from "../../curation/index.js";
import type { FaqDraftInput } from "./faq-form.js";

/** A stored FAQ or a prefill as the editor's field values. */
export function faqValues(faq: Faq | FaqPrefill): FaqDraftInput {
  return {
    id: faq.id,
    question: faq.question,
    variants: [...faq.variants],
    topic: faq.topic ?? "",
    tags: [...faq.tags],
    audiences: [...faq.audiences],
    legalBasis: faq.legalBasis.map((b) => ({ ...b })),
    ...(faq.reviewedAt ? { reviewedAt: faq.reviewedAt } : {}),
    reviewDue: faq.reviewDue,
    ...(faq.verifiedAt ? { verifiedAt: faq.verifiedAt } : {}),
    needsLegalReview: [...faq.needsLegalReview],
    related: [...faq.related],
    ...("facets" in faq && faq.facets
      ? { facets: Object.fromEntries(Object.entries(faq.facets).map(([k, v]) => [k, [...v]])) }
      : {}),
    answer: faq.answer,
  };
}
