import type { Faq, LegalBasis } from "./faq-schema.js";

/** A cited document whose end date is this close (in days) is reported before it passes. */
export const ENDING_WITHIN_DAYS = 90;

/** The date `days` after a `YYYY-MM-DD` date, in the same format (calendar arithmetic, no time zone). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** One legal basis entry of a FAQ with a known end date. */
export interface EndingBasis {
  readonly index: number;
  readonly basis: LegalBasis & { readonly effectiveUntil: string };
  /** True when the end date is before today: the document no longer applies. */
  readonly past: boolean;
}

/** The basis entries whose effectiveUntil is past or within ENDING_WITHIN_DAYS of today, earliest first. */
export function endingBases(faq: Faq, today: string, withinDays = ENDING_WITHIN_DAYS): EndingBasis[] {
  const horizon = addDays(today, withinDays);
  return faq.legalBasis
    .flatMap((basis, index) =>
      basis.effectiveUntil !== undefined && basis.effectiveUntil <= horizon
        ? [
            {
              index,
              basis: { ...basis, effectiveUntil: basis.effectiveUntil },
              past: basis.effectiveUntil < today,
            },
          ]
        : [],
    )
    .sort((a, b) => a.basis.effectiveUntil.localeCompare(b.basis.effectiveUntil) || a.index - b.index);
}

/** The basis entry that stops applying first, if any entry has an end date. */
export function earliestEnd(faq: Faq): (LegalBasis & { readonly effectiveUntil: string }) | undefined {
  let first: (LegalBasis & { readonly effectiveUntil: string }) | undefined;
  for (const basis of faq.legalBasis)
    if (basis.effectiveUntil !== undefined && (!first || basis.effectiveUntil < first.effectiveUntil))
      first = { ...basis, effectiveUntil: basis.effectiveUntil };
  return first;
}

/** A basis entry as a reader names it: "Nghị định 120/2025/NĐ-CP, Điều 3". */
export function basisName(basis: LegalBasis): string {
  const name =
    basis.number && !basis.document.includes(basis.number)
      ? `${basis.document} ${basis.number}`
      : basis.document;
  return [name, basis.article, basis.clause].filter(Boolean).join(", ");
}
