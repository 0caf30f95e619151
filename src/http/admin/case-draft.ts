import { type CaseDraftRefusal, draftFromCase, type FaqPrefill } from "../../curation/index.js";
import type { CaseService, StaffViewer } from "../../escalation/index.js";
import { HttpError } from "../http-error.js";

const REFUSALS: Readonly<Record<CaseDraftRefusal, readonly [number, string, string]>> = {
  "case-not-found": [404, "case_not_found", "Không tìm thấy hồ sơ này."],
  "case-not-closed": [409, "case_not_closed", "Chỉ tạo câu hỏi mẫu từ hồ sơ đã đóng."],
  "no-reply": [409, "no_reply", "Hồ sơ này không có trả lời của cán bộ để làm câu hỏi mẫu."],
};

/** The FAQ draft of a closed case for the admin console (page and API), or the HttpError saying why not. */
export async function caseDraft(
  cases: CaseService,
  viewer: StaffViewer,
  caseId: string,
  now: Date,
): Promise<FaqPrefill> {
  const result = await draftFromCase(cases, viewer, caseId, now);
  if ("draft" in result) return result.draft;
  const [status, code, message] = REFUSALS[result.refused];
  throw new HttpError(status, code, message);
}
