import { z } from "zod";
import { AUDIENCES, FAQ_STATUSES, TOPIC_IDS } from "../../content/index.js";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => s || undefined);
const flag = z
  .union([
    z.literal("1"),
    z.literal("true"),
    z.literal("on"),
    z.literal(""),
    z.literal("0"),
    z.literal("false"),
  ])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "on");
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** Filters of the FAQ list (query string of the page and the API); unknown values are a 400. */
export const faqListQuerySchema = z.object({
  text: optionalText(200),
  topic: z.preprocess(blankToUndefined, z.enum(TOPIC_IDS).optional()),
  status: z.preprocess(blankToUndefined, z.enum(FAQ_STATUSES).optional()),
  audience: z.preprocess(blankToUndefined, z.enum(AUDIENCES).optional()),
  /** Only FAQs whose reviewDue is today or earlier. */
  due: flag,
  /** Only FAQs with low satisfaction (see lowSatisfaction). */
  low: flag,
});
export type FaqListQuery = z.infer<typeof faqListQuerySchema>;

/** A FAQ id in a path; anything else is simply not found. */
export const faqIdParam = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(120);
/** An inbox group id in a path. */
export const groupIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A note with reject and retire. */
export const noteBodySchema = z.object({ note: optionalText(500) });
/** Which history entry to restore. */
export const restoreBodySchema = z.object({ seq: z.coerce.number().int().min(0).max(100_000) });
/** The FAQ an inbox group becomes a variant of. */
export const variantBodySchema = z.object({ faqId: faqIdParam });
/** A legal document marked amended, e.g. "52/2014/QH13" or its name. */
export const amendedBodySchema = z.object({
  document: z.string().trim().min(2, "Bạn nhập số hoặc tên văn bản.").max(200),
  note: optionalText(500),
});
/** The currency page's search by legal document. */
export const currencyQuerySchema = z.object({ document: optionalText(200) });
/** What the live preview renders. */
export const previewBodySchema = z.object({
  question: z.string().max(1000).default(""),
  answer: z.string().max(20_000).default(""),
  legalBasis: z
    .array(
      z.object({
        document: z.string().max(400).default(""),
        number: z.string().max(100).optional(),
        article: z.string().max(100).optional(),
        clause: z.string().max(100).optional(),
      }),
    )
    .max(50)
    .default([]),
});
/** A closed case id (`TGPL-2026-000123`). */
export const caseIdParam = z.string().regex(/^TGPL-\d{4}-\d{6}$/);
