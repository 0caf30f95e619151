import { TOPIC_IDS, type TopicId } from "../content/index.js";
import type { CaseService, StaffViewer } from "../escalation/index.js";
import { draftFromStaffReply } from "./draft-from-staff-reply.js";
import type { FaqPrefill } from "./faq-prefill.js";

/** Why a case gives no FAQ draft: not visible to the viewer, still open, or no staff reply to reuse. */
export type CaseDraftRefusal = "case-not-found" | "case-not-closed" | "no-reply";

/**
 * A FAQ draft from a closed case: the citizen's description as the question and the last staff reply
 * as the answer (phone, ID and e-mail scrubbed by draftFromStaffReply), read with the admin's own view.
 */
export async function draftFromCase(
  cases: CaseService,
  viewer: StaffViewer,
  caseId: string,
  now: Date,
): Promise<{ readonly draft: FaqPrefill } | { readonly refused: CaseDraftRefusal }> {
  const view = await cases.view(viewer, caseId);
  if (!view) return { refused: "case-not-found" };
  const c = view.case;
  if (c.status !== "closed") return { refused: "case-not-closed" };
  const reply = c.notes.findLast((n) => n.kind === "reply" && n.text.trim())?.text;
  if (!reply || !c.description.trim()) return { refused: "no-reply" };
  const topic = (TOPIC_IDS as readonly string[]).includes(c.topic) ? (c.topic as TopicId) : undefined;
  const source = { question: c.description, replyText: reply, topic, by: viewer.username };
  return { draft: draftFromStaffReply(source, now) };
}
