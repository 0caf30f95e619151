import type { LegalBasis } from "../../content/index.js";
import { basisLine, DISCLAIMER, fillPlaceholders, type OrgInfo, plainAnswer } from "../../core/index.js";

/**
 * The answer as the chat shows it: the same steps as the engine's answer reply (plain text,
 * placeholders filled from config.org, basis line, disclaimer); rows without a document are left out.
 */
export function chatPreview(
  faq: { readonly question: string; readonly answer: string; readonly legalBasis: readonly LegalBasis[] },
  org: OrgInfo,
): string {
  const basis = faq.legalBasis.filter((b) => b.document.trim());
  const body = fillPlaceholders(plainAnswer(faq.answer), org);
  // The engine's "answeringQuestion" line (core/compose/texts.ts), which core does not export.
  const heading = `Về câu hỏi «${faq.question.trim()}»:`;
  return `${heading}\n${body}\n\n${basis.length ? `${basisLine(basis)}\n` : ""}${DISCLAIMER}`;
}
