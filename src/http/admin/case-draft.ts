import { type CaseDraftRefusal, draftFromCase, type FaqPrefill } from "../../curation/index.js";
import type { CaseService, StaffViewer } from "../../escalation/index.js";
import { type ERROR_STATUS, httpError } from "../error-status.js";

const REFUSALS = {
  "case-not-found": "case_not_found",
  "case-not-closed": "case_not_closed",
  "no-reply": "no_reply",
} as const satisfies Record<CaseDraftRefusal, keyof typeof ERROR_STATUS>;

/** The FAQ draft of a closed case for the admin console (page and API), or the HttpError saying why not. */
export async function caseDraft(
  cases: CaseService,
  viewer: StaffViewer,
  caseId: string,
  now: Date,
): Promise<FaqPrefill> {
  const result = await draftFromCase(cases, viewer, caseId, now);
  if ("draft" in result) return result.draft;
  throw httpError(REFUSALS[result.refused]);
}
