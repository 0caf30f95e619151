import { TOPIC_IDS, type TopicId } from "../../content/index.js";
import { draftFromStaffReply, type FaqPrefill } from "../../curation/index.js";
import type { CaseService, StaffViewer } from "../../escalation/index.js";
import { HttpError } from "../http-error.js";

/**
 * A FAQ draft from a closed case: the citizen's description as the question and the last staff reply
 * as the answer (phone, ID and e-mail scrubbed by draftFromStaffReply), read with the admin's own view.
 */
export async function draftFromCase(
  cases: CaseService,
  viewer: StaffViewer,
  caseId: string,
  now: Date,
): Promise<FaqPrefill> {
  const view = await cases.view(viewer, caseId);
  if (!view) throw new HttpError(404, "case_not_found", "Không tìm thấy hồ sơ này.");
  const c = view.case;
  if (c.status !== "closed")
    throw new HttpError(409, "case_not_closed", "Chỉ tạo câu hỏi mẫu từ hồ sơ đã đóng.");
  const reply = c.notes.findLast((n) => n.kind === "reply" && n.text.trim())?.text;
  if (!reply || !c.description.trim())
    throw new HttpError(409, "no_reply", "Hồ sơ này không có trả lời của cán bộ để làm câu hỏi mẫu.");
  const topic = (TOPIC_IDS as readonly string[]).includes(c.topic) ? (c.topic as TopicId) : undefined;
  return draftFromStaffReply({ question: c.description, replyText: reply, topic, by: viewer.username }, now);
}
