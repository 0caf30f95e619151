import { z } from "zod";
import { AUDIENCES, TOPIC_IDS } from "./topics.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a lowercase slug of a–z, 0–9 and hyphens");
const line = (what: string, max = 300) =>
  z
    .string({ error: what })
    .trim()
    .min(2, what)
    .max(max, `${what}, at most ${max} characters`)
    .refine((s) => !s.includes("\n"), `${what}, on one line`);

/** One legal document reference: the basis a FAQ answer rests on. */
export const legalBasisSchema = z.object({
  document: line("the document's name, e.g. Luật Hôn nhân và gia đình 2014"),
  number: line("the official number, e.g. 52/2014/QH13", 60).optional(),
  article: line("the article, e.g. Điều 56", 80).optional(),
  clause: line("the clause, e.g. khoản 1", 80).optional(),
  /** The day the document (or the cited article) took effect, when known. */
  effectiveFrom: isoDate.optional(),
  /** The last day it applies, when an end is known (a repeal, a replacement, a decree's own end date). */
  effectiveUntil: isoDate.optional(),
  /** What this entry was checked against: "văn bản gốc" and where, or a press report with outlet and date. */
  verifiedAgainst: line(
    "what the entry was checked against, e.g. văn bản gốc, Công báo số …",
    400,
  ).optional(),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const FAQ_STATUSES = ["draft", "review", "published", "retired"] as const;

/**
 * What sets a FAQ apart from its siblings, attribute → values: `{việc: quá tốc độ, phương tiện: [xe máy,
 * mô tô]}`. FAQs with the same attributes and the same values on all but one are siblings: when a
 * question fits them all, the citizen is asked that one attribute. The first value is the option's
 * label; the others are words that name it too ("mô tô" for "xe máy"). One value may be written alone.
 */
export const facetsSchema = z.record(
  line("a facet's name, e.g. phương tiện", 40),
  z.preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z
      .array(line("a facet value, e.g. xe máy", 60), { error: "a value or a list of values" })
      .min(1, "at least one value"),
  ),
  { error: "a map of attribute: value, e.g. {phương tiện: xe máy}" },
);
export type Facets = z.infer<typeof facetsSchema>;

/** The YAML front matter of a FAQ file. */
export const faqFrontMatterSchema = z.object({
  id: slug,
  question: line("the canonical question"),
  variants: z
    .array(line("a variant phrasing", 500), { error: "a list of other phrasings" })
    .min(5, "at least 5 variants in citizens' own words"),
  topic: z.enum(TOPIC_IDS, { error: `one of ${TOPIC_IDS.join(", ")}` }),
  tags: z.array(line("a tag", 60)).default([]),
  audiences: z.array(z.enum(AUDIENCES, { error: `one of ${AUDIENCES.join(", ")}` })).default([]),
  legalBasis: z
    .array(legalBasisSchema, { error: "a list of {document, number, article, clause}" })
    .min(1, "at least one legal basis"),
  status: z.enum(FAQ_STATUSES, { error: "draft, review, published or retired" }),
  reviewedAt: isoDate.optional(),
  reviewDue: isoDate,
  /** When the figures of the answer (amounts, ages, deadlines, percentages) were last checked. */
  verifiedAt: isoDate.optional(),
  /** Claims that could not be checked against a source: listed for the legal officer, never hidden. */
  needsLegalReview: z
    .array(line("a claim that could not be checked", 500), { error: "a list of claims still to check" })
    .default([]),
  related: z.array(slug).default([]),
  facets: facetsSchema.optional(),
});
export type FaqFrontMatter = z.infer<typeof faqFrontMatterSchema>;

/** A FAQ as the app uses it: front matter plus the Markdown answer. */
export const faqSchema = faqFrontMatterSchema.extend({
  answer: z.string().trim().min(20, "an answer of at least a sentence"),
});
export type Faq = z.infer<typeof faqSchema>;
