import { stringify } from "yaml";
import type { Faq, LegalBasis } from "../content/index.js";

const SCALAR = { lineWidth: 0, minContentWidth: 0 } as const;
const FLOW = { ...SCALAR, collectionStyle: "flow", flowCollectionPadding: false } as const;

/** One YAML scalar on one line: plain when YAML allows it, quoted otherwise. */
function scalar(value: string): string {
  return stringify(value, SCALAR).replace(/\n$/, "");
}

/** A free-text value always in double quotes (sources and claims are sentences full of `:` and `;`). */
function quoted(value: string): string {
  return stringify(value, { ...SCALAR, defaultStringType: "QUOTE_DOUBLE" }).replace(/\n$/, "");
}

/** An inline `[a, b]` list. */
function flowList(values: readonly string[]): string {
  return stringify([...values], FLOW).replace(/\n$/, "");
}

function legalBasisItem(basis: LegalBasis): string[] {
  const keys = [
    "document",
    "number",
    "article",
    "clause",
    "effectiveFrom",
    "effectiveUntil",
    "verifiedAgainst",
  ] as const;
  const lines = keys.flatMap((key) => {
    const value = basis[key];
    if (value === undefined) return [];
    return [`${key}: ${key === "verifiedAgainst" ? quoted(value) : scalar(value)}`];
  });
  return lines.map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`));
}

/** `needsLegalReview` as a block list; `[]` when empty on a verified FAQ (it says nothing is left), absent otherwise. */
function claimsToReview(faq: Faq): string[] {
  if (faq.needsLegalReview.length)
    return ["needsLegalReview:", ...faq.needsLegalReview.map((claim) => `  - ${quoted(claim)}`)];
  return faq.verifiedAt === undefined ? [] : ["needsLegalReview: []"];
}

/** `facets` as a block map, one attribute a line: one value alone, several inline; absent when the FAQ has none. */
function facetLines(faq: Faq): string[] {
  const entries = Object.entries(faq.facets ?? {});
  if (!entries.length) return [];
  const values = (v: readonly string[]) => (v.length === 1 && v[0] ? scalar(v[0]) : flowList(v));
  return ["facets:", ...entries.map(([name, v]) => `  ${scalar(name)}: ${values(v)}`)];
}

/**
 * The Markdown file text of a FAQ in the canonical format of content/ (key order and list styles as written by hand):
 * each basis entry's keys in the order document, number, article, clause, effectiveFrom, effectiveUntil,
 * verifiedAgainst; then verifiedAt, needsLegalReview, status, reviewedAt, reviewDue, related, facets.
 */
export function serializeFaq(faq: Faq): string {
  const lines = [
    "---",
    `id: ${scalar(faq.id)}`,
    `question: ${scalar(faq.question)}`,
    "variants:",
    ...faq.variants.map((v) => `  - ${scalar(v)}`),
    `topic: ${scalar(faq.topic)}`,
    `tags: ${flowList(faq.tags)}`,
    `audiences: ${flowList(faq.audiences)}`,
    "legalBasis:",
    ...faq.legalBasis.flatMap(legalBasisItem),
    ...(faq.verifiedAt === undefined ? [] : [`verifiedAt: ${scalar(faq.verifiedAt)}`]),
    ...claimsToReview(faq),
    `status: ${scalar(faq.status)}`,
    ...(faq.reviewedAt === undefined ? [] : [`reviewedAt: ${scalar(faq.reviewedAt)}`]),
    `reviewDue: ${scalar(faq.reviewDue)}`,
    `related: ${flowList(faq.related)}`,
    ...facetLines(faq),
    "---",
    faq.answer.trim(),
  ];
  return `${lines.join("\n")}\n`;
}
