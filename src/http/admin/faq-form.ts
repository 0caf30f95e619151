import type { FormFields } from "./parse-form-data.js";

/** A FAQ as the editor holds it: what was typed, not yet validated (the workflow validates on save). */
export interface FaqDraftInput {
  readonly id: string;
  readonly question: string;
  readonly variants: string[];
  readonly topic: string;
  readonly tags: string[];
  readonly audiences: string[];
  readonly legalBasis: { document: string; number?: string; article?: string; clause?: string }[];
  readonly reviewedAt?: string;
  readonly reviewDue: string;
  readonly related: string[];
  readonly answer: string;
}

const all = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const one = (value: string | string[] | undefined): string => all(value)[0] ?? "";
const list = (value: string | string[] | undefined): string[] =>
  one(value)
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
// Browsers send CRLF; files use LF.
const lf = (text: string) => text.replace(/\r\n?/g, "\n");

/** The editor form's fields as a FAQ: blank variant and basis rows are dropped, lists split on commas. */
export function faqFromForm(fields: FormFields): FaqDraftInput {
  const documents = all(fields.basisDocument);
  const numbers = all(fields.basisNumber);
  const articles = all(fields.basisArticle);
  const clauses = all(fields.basisClause);
  const legalBasis = documents.flatMap((document, i) => {
    const row = {
      document: document.trim(),
      number: numbers[i]?.trim() || undefined,
      article: articles[i]?.trim() || undefined,
      clause: clauses[i]?.trim() || undefined,
    };
    if (!row.document && !row.number && !row.article && !row.clause) return [];
    return [Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as typeof row];
  });
  const reviewedAt = one(fields.reviewedAt).trim();
  return {
    id: one(fields.id).trim(),
    question: one(fields.question).trim(),
    variants: all(fields.variants)
      .map((v) => v.trim())
      .filter(Boolean),
    topic: one(fields.topic),
    tags: list(fields.tags),
    audiences: all(fields.audiences).filter(Boolean),
    legalBasis,
    ...(reviewedAt ? { reviewedAt } : {}),
    reviewDue: one(fields.reviewDue).trim(),
    related: list(fields.related),
    answer: lf(one(fields.answer)).trim(),
  };
}
