import type { Faq } from "../content/index.js";
import { type FaqPrefill, prefillFaq } from "./faq-prefill.js";
import { localDate } from "./local-date.js";

/** What a closed case offers a new FAQ: the citizen's question and the staff reply. */
export interface StaffReplySource {
  readonly question: string;
  readonly replyText: string;
  readonly topic?: Faq["topic"];
  /** The staff member asking, for the caller's audit (nothing is saved here). */
  readonly by: string;
}

/**
 * A draft FAQ prefilled from a staff reply on a closed case ("tạo câu hỏi mẫu từ trả lời này"): phone, ID and
 * e-mail scrubbed; names are not detected, so the curator must still read it before saving.
 */
export function draftFromStaffReply(source: StaffReplySource, now = new Date()): FaqPrefill {
  const dueIn = new Date(now);
  dueIn.setUTCFullYear(dueIn.getUTCFullYear() + 1);
  return prefillFaq({
    question: source.question,
    answer: source.replyText,
    topic: source.topic,
    reviewDue: localDate(dueIn),
  });
}
