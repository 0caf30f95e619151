import type { Faq } from "../content/index.js";
import { foldWords, scrub } from "../core/index.js";

/** A new FAQ prefilled for the editor; not saved until a curator completes it (content:check needs a legal basis, 5 variants…). */
export type FaqPrefill = Omit<Faq, "topic"> & { readonly topic?: Faq["topic"] };

/** A slug id suggested from the question's first words (the editor may change it). */
export function suggestId(question: string): string {
  const words = foldWords(question)
    .split(" ")
    .filter((w) => /^[a-z0-9]+$/.test(w))
    .slice(0, 6);
  return words.join("-") || "cau-hoi-moi";
}

/** Capitalizes and closes a citizen's question the way canonical questions are written. */
function asQuestion(text: string): string {
  const line = text.replace(/\s+/g, " ").trim().slice(0, 290);
  const capital = line.charAt(0).toLocaleUpperCase("vi") + line.slice(1);
  return /[?.!]$/.test(capital) ? capital : `${capital}?`;
}

/** Builds a draft from a question, other phrasings and an optional answer, each scrubbed of phone, ID and e-mail. */
export function prefillFaq(input: {
  readonly question: string;
  readonly variants?: readonly string[];
  readonly answer?: string;
  readonly topic?: Faq["topic"];
  readonly reviewDue: string;
}): FaqPrefill {
  const question = asQuestion(scrub(input.question));
  const seen = new Set([foldWords(question)]);
  const variants: string[] = [];
  for (const raw of input.variants ?? []) {
    const variant = scrub(raw).replace(/\s+/g, " ").trim().slice(0, 500);
    const key = foldWords(variant);
    if (key.length < 2 || seen.has(key)) continue;
    seen.add(key);
    variants.push(variant);
  }
  return {
    id: suggestId(question),
    question,
    variants,
    ...(input.topic ? { topic: input.topic } : {}),
    tags: [],
    audiences: [],
    legalBasis: [],
    status: "draft",
    reviewDue: input.reviewDue,
    needsLegalReview: [],
    related: [],
    answer: scrub(input.answer ?? "").trim(),
  };
}
