import { z } from "zod";

const id = z.union([z.string().min(1).max(64), z.number()]).transform(String);
const timestamp = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform(Number);

const userSendText = z.object({
  event_name: z.literal("user_send_text"),
  sender: z.object({ id }),
  message: z.object({ msg_id: id, text: z.string() }),
  timestamp,
});
const userSendOther = z.object({
  event_name: z.string().regex(/^user_send_(?!text$)[a-z_]+$/),
  sender: z.object({ id }),
  message: z.object({ msg_id: id }),
  timestamp,
});
const follow = z.object({ event_name: z.literal("follow"), follower: z.object({ id }), timestamp });

/** A Zalo webhook event we act on, reduced to what the inbound worker needs (the queue's job data). */
export const zaloInboundJobSchema = z.object({
  /** Zalo's msg_id, or follow-<user>-<timestamp>: duplicates of one delivery share it. */
  eventId: z.string().min(1).max(160),
  kind: z.enum(["text", "other", "follow"]),
  userId: z.string().min(1).max(64),
  text: z.string().max(4000).optional(),
  /** When the citizen acted (ms): the reply window counts from here. */
  timestampMs: z.number().int().nonnegative(),
});
export type ZaloInboundJob = z.infer<typeof zaloInboundJobSchema>;

/** The events we handle, from a verified webhook body; undefined for the ones we ignore. */
export function toZaloInboundJob(body: unknown): ZaloInboundJob | undefined {
  const text = userSendText.safeParse(body);
  if (text.success) {
    const e = text.data;
    return {
      eventId: e.message.msg_id,
      kind: "text",
      userId: e.sender.id,
      text: e.message.text.slice(0, 4000),
      timestampMs: e.timestamp,
    };
  }
  const other = userSendOther.safeParse(body);
  if (other.success) {
    const e = other.data;
    return { eventId: e.message.msg_id, kind: "other", userId: e.sender.id, timestampMs: e.timestamp };
  }
  const followed = follow.safeParse(body);
  if (followed.success) {
    const e = followed.data;
    return {
      eventId: `follow-${e.follower.id}-${e.timestamp}`,
      kind: "follow",
      userId: e.follower.id,
      timestampMs: e.timestamp,
    };
  }
  return undefined;
}
