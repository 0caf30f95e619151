import { z } from "zod";

/** Zalo's limit on the text of one OA message. */
export const ZALO_MAX_TEXT = 2000;

/** An outbound Zalo job: the texts of one reply, sent in order, each at most once. */
export const zaloOutboundJobSchema = z.object({
  /** Idempotency key: the event that caused the reply. */
  key: z.string().min(1),
  userId: z.string().min(1).max(64),
  pieces: z.array(z.string().min(1).max(ZALO_MAX_TEXT)).min(1),
  /** When the citizen last acted (ms); replies outside the window are kept for staff instead. */
  interactedAt: z.number().int().nonnegative(),
  /** Sent with the last piece: the buttons of the reply as Zalo's template attachment. */
  attachment: z.unknown().optional(),
});
export type ZaloOutboundJob = z.infer<typeof zaloOutboundJobSchema>;
