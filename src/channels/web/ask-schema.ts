import { z } from "zod";

const answerText = z
  .string()
  .regex(/^[\p{L}\p{N} ]{1,40}$/u, "Nút trả lời chỉ gồm chữ, số và dấu cách, tối đa 40 ký tự.");

const actionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("choose"), faqId: z.string().regex(/^[a-z0-9-]{1,120}$/) }),
  z.object({
    type: z.literal("feedback"),
    faqId: z.string().regex(/^[a-z0-9-]{1,120}$/),
    value: z.enum(["up", "down"]),
  }),
  z.object({ type: z.literal("escalate") }),
  z.object({ type: z.literal("help") }),
  z.object({ type: z.literal("confirm-delete") }),
  z.object({ type: z.literal("keep-data") }),
  z.object({ type: z.literal("topic"), topic: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
  z.object({ type: z.literal("answer"), text: answerText }),
  z.object({ type: z.literal("pick"), value: z.string().regex(/^\d{1,2}$/) }),
  z.object({ type: z.literal("send-picks"), empty: answerText }),
  z.object({ type: z.literal("leave-thread") }),
]);

/**
 * A web chat session id. Telegram and Zalo conversations live under `tg-…` and `zl-…`: a web caller
 * may never name one, or it could read or act in another citizen's conversation.
 */
export const webSessionIdSchema = z
  .string({ error: "sessionId phải là một chuỗi" })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "sessionId chỉ gồm chữ, số, _ và -, tối đa 64 ký tự")
  .refine((id) => !/^(?:tg|zl)-/i.test(id), "sessionId không được bắt đầu bằng tg- hoặc zl-");

/** `POST /api/v1/ask` body (DESIGN.md), extended compatibly with an optional pressed button. */
export const askRequestSchema = z.object({
  text: z
    .string({ error: "text phải là một chuỗi chữ" })
    .min(1, "text không được để trống")
    .max(2000, "text dài quá 2000 ký tự, bạn vui lòng viết ngắn lại"),
  sessionId: webSessionIdSchema.optional(),
  action: actionSchema.optional(),
});
export type AskRequest = z.infer<typeof askRequestSchema>;
