import { z } from "zod";
import {
  caseChannelSchema,
  caseIdSchema,
  caseOutcomeSchema,
  eligibilityResultSchema,
} from "../../escalation/index.js";

/** Bodies and queries of the staff API and forms (zod at the edge; messages in Vietnamese). */
export const loginBodySchema = z.object({
  username: z.string({ error: "Bạn nhập tên đăng nhập." }).min(1, "Bạn nhập tên đăng nhập.").max(64),
  password: z.string({ error: "Bạn nhập mật khẩu." }).min(1, "Bạn nhập mật khẩu.").max(256),
});

const text = (what: string) =>
  z
    .string({ error: `Bạn nhập ${what}.` })
    .trim()
    .min(1, `Bạn nhập ${what}.`)
    .max(4000, `${what[0]?.toUpperCase()}${what.slice(1)} dài quá (tối đa 4000 ký tự).`);

export const replyBodySchema = z.object({ text: text("nội dung trả lời") });
export const noteBodySchema = z.object({ text: text("nội dung ghi chú") });
export const transferBodySchema = z.object({
  to: z.string({ error: "Bạn chọn cán bộ nhận hồ sơ." }).trim().min(1, "Bạn chọn cán bộ nhận hồ sơ.").max(64),
});
export const closeBodySchema = z.object({
  outcome: z.enum(caseOutcomeSchema.options, { error: "Bạn chọn kết quả xử lý." }),
});

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .transform((v) => (v === "" ? undefined : v === "true" || v === "1"));
const empty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** Queue filters from the query string; an empty select value means "all". */
export const caseListQuerySchema = z.object({
  status: empty(z.enum(["open", "claimed", "answered"])),
  topic: empty(z.string().max(64)),
  channel: empty(caseChannelSchema),
  eligibility: empty(eligibilityResultSchema),
  overdue: flag.optional(),
  offset: empty(z.coerce.number().int().min(0).max(1_000_000)),
  limit: empty(z.coerce.number().int().min(1).max(200)),
  /** "closed": the closed cases instead of the queue. */
  tab: empty(z.enum(["closed"])),
  /** A case code, digits of a phone number or words of a commune. */
  q: empty(z.string().trim().max(100)),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** A case id in a path; anything else is treated as not found. */
export const caseIdParam = caseIdSchema;
