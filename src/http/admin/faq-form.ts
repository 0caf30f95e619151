import type { FormFields } from "./parse-form-data.js";

/** One legal basis row as typed: the reference, when the document applies, and what it was checked against. */
export interface BasisInput {
  document: string;
  number?: string;
  article?: string;
  clause?: string;
  effectiveFrom?: string;
  effectiveUntil?: string;
  verifiedAgainst?: string;
}

/** A FAQ as the editor holds it: what was typed, not yet validated (the workflow validates on save). */
export interface FaqDraftInput {
  readonly id: string;
  readonly question: string;
  readonly variants: string[];
  readonly topic: string;
  readonly tags: string[];
  readonly audiences: string[];
  readonly legalBasis: BasisInput[];
  readonly reviewedAt?: string;
  readonly reviewDue: string;
  readonly verifiedAt?: string;
  readonly needsLegalReview: string[];
  readonly related: string[];
  /** Attribute → values that set the FAQ apart from its siblings; typed one a line, "tên: giá trị, từ khác". */
  readonly facets?: Record<string, string[]>;
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

/**
 * The editor form's fields as a FAQ: blank variant and basis rows are dropped, lists split on commas, claims to
 * review one a line.
 */
export function faqFromForm(fields: FormFields): FaqDraftInput {
  const documents = all(fields.basisDocument);
  const numbers = all(fields.basisNumber);
  const articles = all(fields.basisArticle);
  const clauses = all(fields.basisClause);
  const froms = all(fields.basisFrom);
  const untils = all(fields.basisUntil);
  const checks = all(fields.basisVerified);
  const legalBasis = documents.flatMap((document, i): BasisInput[] => {
    const row = {
      document: document.trim(),
      number: numbers[i]?.trim() || undefined,
      article: articles[i]?.trim() || undefined,
      clause: clauses[i]?.trim() || undefined,
      effectiveFrom: froms[i]?.trim() || undefined,
      effectiveUntil: untils[i]?.trim() || undefined,
      verifiedAgainst: checks[i]?.trim() || undefined,
    };
    if (Object.values(row).every((v) => !v)) return [];
    const set = Object.entries(row).filter(([, v]) => v !== undefined);
    return [{ ...Object.fromEntries(set), document: row.document }];
  });
  const facetLines = lf(one(fields.facets))
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  // "phương tiện: xe máy, mô tô" → {"phương tiện": ["xe máy", "mô tô"]}; a line without ":" gets no value
  // (an error on save).
  const facets = Object.fromEntries(
    facetLines.map((l) => {
      const at = l.indexOf(":");
      const name = (at === -1 ? l : l.slice(0, at)).trim();
      return [name, at === -1 ? [] : list(l.slice(at + 1))];
    }),
  );
  const reviewedAt = one(fields.reviewedAt).trim();
  const verifiedAt = one(fields.verifiedAt).trim();
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
    ...(verifiedAt ? { verifiedAt } : {}),
    needsLegalReview: lf(one(fields.needsLegalReview))
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
    related: list(fields.related),
    ...(facetLines.length ? { facets } : {}),
    answer: lf(one(fields.answer)).trim(),
  };
}
