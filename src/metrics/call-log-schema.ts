import { z } from "zod";
import { TOPIC_IDS } from "../content/topics.js";
import { scrub } from "../core/text/scrub.js";
import { REPORT_GROUP_IDS } from "./report-groups.js";

/** How a hotline call ended; the first four match the case outcomes. */
export const CALL_OUTCOMES = [
  { id: "answered", label: "Đã giải đáp" },
  { id: "referred-to-legal-aid-procedure", label: "Hướng dẫn làm thủ tục trợ giúp pháp lý" },
  { id: "referred-elsewhere", label: "Hướng dẫn đến cơ quan khác" },
  { id: "no-response", label: "Không liên lạc được / người gọi ngắt máy" },
  { id: "callback-scheduled", label: "Hẹn gọi lại" },
  { id: "out-of-scope", label: "Không thuộc phạm vi pháp luật" },
] as const;

export const callOutcomeSchema = z.enum(
  CALL_OUTCOMES.map((o) => o.id) as [(typeof CALL_OUTCOMES)[number]["id"], ...string[]],
  { error: "Bạn chọn kết quả cuộc gọi." },
);
export type CallOutcome = (typeof CALL_OUTCOMES)[number]["id"];

/** A phone hotline call as staff record it in the console; the note is scrubbed of personal numbers. */
export const callLogInputSchema = z.object({
  time: z.iso.datetime({ offset: true, error: "Thời gian cuộc gọi chưa đúng." }),
  durationSeconds: z
    .number({ error: "Thời lượng (giây) phải là một số." })
    .int()
    .min(0)
    .max(4 * 3600, "Thời lượng tối đa 4 giờ."),
  topic: z.enum([...TOPIC_IDS, "khac"], { error: "Bạn chọn lĩnh vực của cuộc gọi." }),
  callerGroup: z.enum(REPORT_GROUP_IDS, { error: "Bạn chọn nhóm người gọi." }),
  outcome: callOutcomeSchema,
  note: z
    .string()
    .trim()
    .max(500, "Ghi chú tối đa 500 ký tự.")
    .transform((v) => scrub(v))
    .optional(),
});
export type CallLogInput = z.input<typeof callLogInputSchema>;

/** A call event on the `events:calls` stream (field `e`, JSON). */
export const callEventSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  durationSeconds: z.number().int().min(0),
  topic: z.string(),
  callerGroup: z.string(),
  outcome: z.string(),
  note: z.string().optional(),
  /** The staff username who recorded it. */
  by: z.string(),
  recordedAt: z.iso.datetime(),
});
export type CallEvent = z.infer<typeof callEventSchema>;
