import { z } from "zod";
import { type ChannelId, channelRegistry } from "../channels/channel-registry.js";
import {
  ALWAYS_ELIGIBLE_GROUPS,
  FINANCIAL_DIFFICULTY,
  FINANCIAL_DIFFICULTY_GROUPS,
} from "./eligibility-groups.js";

/** A case code such as `TGPL-2026-000123`: the year it was opened and a per-year sequence. */
export const caseIdSchema = z.string().regex(/^TGPL-\d{4}-\d{6}$/, "Mã hồ sơ có dạng TGPL-2026-000123.");
export type CaseId = z.infer<typeof caseIdSchema>;

/** open → claimed (a staff member took it) → answered (first reply sent) → closed. */
export const caseStatusSchema = z.enum(["open", "claimed", "answered", "closed"]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** The channel the citizen wrote from (one in the channel registry); staff replies go back through it. */
export const caseChannelSchema = z.custom<ChannelId>((v) => channelRegistry.has(v), {
  error: "Kênh không có trong danh sách kênh.",
});
export type CaseChannel = z.infer<typeof caseChannelSchema>;

export const contactPreferenceSchema = z.enum(["chat", "phone"]);
export type ContactPreference = z.infer<typeof contactPreferenceSchema>;

/** Mobile (03/05/07/08/09 + 8 digits) or landline (02 + 9 digits), in the national `0…` form. */
const NATIONAL_PHONE = /^(?:0[35789]\d{8}|02\d{9})$/;

/**
 * A Vietnamese phone number as typed (`0912 345 678`, `0912.345.678`, `+84 912345678`, `84912345678`),
 * normalized to `0912345678`.
 */
export const vietnamesePhoneSchema = z
  .string()
  .trim()
  .transform((raw) => {
    const digits = raw.replace(/[\s.\-()]/g, "");
    if (/^\+84\d+$/.test(digits)) return `0${digits.slice(3)}`;
    if (/^84\d{9,10}$/.test(digits)) return `0${digits.slice(2)}`;
    return digits;
  })
  .pipe(z.string().regex(NATIONAL_PHONE, "Số điện thoại chưa đúng, bạn nhập ví dụ 0912345678."));

/** Groups of Luật Trợ giúp pháp lý 2017 (11/2017/QH14) Art. 7 asked about in the screening. */
export const eligibilityGroupSchema = z.enum([
  ...ALWAYS_ELIGIBLE_GROUPS,
  ...FINANCIAL_DIFFICULTY_GROUPS,
  FINANCIAL_DIFFICULTY,
]);
export type EligibilityGroup = z.infer<typeof eligibilityGroupSchema>;

/** Yes/no answers given in the screening; a question not asked or skipped is absent. */
export const eligibilityAnswersSchema = z.partialRecord(eligibilityGroupSchema, z.boolean());
export type EligibilityAnswers = z.infer<typeof eligibilityAnswersSchema>;

export const eligibilityResultSchema = z.enum(["likely-eligible", "unclear", "not-listed"]);
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

/** The screening outcome kept with the case; an indication for staff, never a legal decision. */
export const caseEligibilitySchema = z.object({
  result: eligibilityResultSchema,
  answers: eligibilityAnswersSchema,
});
export type CaseEligibility = z.infer<typeof caseEligibilitySchema>;

export const transcriptTurnSchema = z.object({
  role: z.enum(["citizen", "bot", "staff"]),
  text: z.string().max(4000),
  at: z.iso.datetime(),
});
export type TranscriptTurn = z.infer<typeof transcriptTurnSchema>;

/** How a case ended; outcomes feed the Department of Justice reports. */
export const caseOutcomeSchema = z.enum([
  "answered",
  "referred-to-legal-aid-procedure",
  "referred-elsewhere",
  "no-response",
  "duplicate",
]);
export type CaseOutcome = z.infer<typeof caseOutcomeSchema>;

/**
 * A staff reply (sent to the citizen), an internal note (staff only), or a message the citizen wrote
 * in the case thread after the case was opened (`by` is "citizen").
 */
export const caseNoteSchema = z.object({
  kind: z.enum(["reply", "note", "citizen"]),
  by: z.string().min(1).max(64),
  text: z.string().max(4000),
  at: z.iso.datetime(),
  /** For a reply: the messenger key its delivery state is looked up by. */
  delivery: z.string().max(128).optional(),
  /** For a reply: set when chat could not reach the citizen (Zalo window closed), so it was not sent. */
  notSent: z.literal("outside-window").optional(),
});
export type CaseNote = z.infer<typeof caseNoteSchema>;

/** A legal-aid case as stored. `description`, `phone` and texts are blank once anonymized. */
export const legalAidCaseSchema = z.object({
  id: caseIdSchema,
  status: caseStatusSchema,
  channel: caseChannelSchema,
  /** Keyed hash of the citizen's channel identity (never the raw chat or user id). */
  citizenKey: z.string().max(128),
  /** Where a chat reply goes (chat id / Zalo user id); blanked when anonymized. */
  conversationId: z.string().max(128).optional(),
  contactPreference: contactPreferenceSchema,
  phone: z.string().regex(NATIONAL_PHONE).optional(),
  commune: z.string().max(120),
  topic: z.string().min(1).max(64),
  description: z.string().max(4000),
  eligibility: caseEligibilitySchema,
  transcript: z.array(transcriptTurnSchema),
  notes: z.array(caseNoteSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  firstResponseDueAt: z.iso.datetime(),
  claimedBy: z.string().max(64).optional(),
  claimedAt: z.iso.datetime().optional(),
  firstResponseAt: z.iso.datetime().optional(),
  closedAt: z.iso.datetime().optional(),
  outcome: caseOutcomeSchema.optional(),
  anonymizedAt: z.iso.datetime().optional(),
  /** Why the intake started (ask-person, complex-case, second-failure, …). */
  reason: z.string().max(64).optional(),
  /** FAQ ids the bot showed in the conversation before the hand-off. */
  shownFaqIds: z.array(z.string().max(128)).max(50).default([]),
  /** The citizen's 1–5 rating after closing. */
  rating: z.coerce.number().int().min(1).max(5).optional(),
  ratedAt: z.iso.datetime().optional(),
  /** Citizen messages in the thread that no staff member has read yet. */
  unread: z.coerce.number().int().min(0).default(0),
  /** When the citizen last wrote in the thread. */
  lastCitizenAt: z.iso.datetime().optional(),
});
export type LegalAidCase = z.infer<typeof legalAidCaseSchema>;

/** What the intake collects; the store adds the id, status and timestamps. */
export const newCaseInputSchema = z
  .object({
    channel: caseChannelSchema,
    citizenKey: z.string().min(1).max(128),
    conversationId: z.string().min(1).max(128).optional(),
    contactPreference: contactPreferenceSchema,
    phone: vietnamesePhoneSchema.optional(),
    commune: z.string().trim().min(1).max(120),
    topic: z.string().trim().min(1).max(64),
    description: z.string().trim().min(1, "Bạn mô tả ngắn vụ việc giúp mình nhé.").max(4000),
    eligibility: caseEligibilitySchema,
    transcript: z.array(transcriptTurnSchema).max(200).default([]),
    firstResponseDueAt: z.iso.datetime(),
    reason: z.string().trim().max(64).optional(),
    shownFaqIds: z.array(z.string().max(128)).max(50).default([]),
    /** Names the intake that opened the case (a keyed hash): opening it again returns that case. */
    intakeKey: z.string().min(1).max(200).optional(),
  })
  .refine((c) => c.contactPreference !== "phone" || c.phone !== undefined, {
    message: "Bạn cho mình số điện thoại để cán bộ gọi lại nhé.",
    path: ["phone"],
  });
export type NewCaseInput = z.input<typeof newCaseInputSchema>;

/** One audit entry: who did what to a case, and when. Carries no citizen text. */
export const caseAuditEntrySchema = z.object({
  at: z.iso.datetime(),
  by: z.string(),
  action: z.enum(["created", "claimed", "replied", "noted", "transferred", "closed", "rated", "anonymized"]),
  detail: z.string().optional(),
});
export type CaseAuditEntry = z.infer<typeof caseAuditEntrySchema>;
