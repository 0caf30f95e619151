import type { LegalAidCase } from "./case-schema.js";
import type { CaseEvent } from "./case-service.js";

/** A case event for the reports: the case's channel, topic and screening, never its texts or ids. */
export function caseEvent(
  c: LegalAidCase,
  type: CaseEvent["type"],
  at: Date,
  extra: Pick<CaseEvent, "by" | "outcome" | "rating" | "responseMs"> = {},
): CaseEvent {
  return {
    at: at.toISOString(),
    type,
    caseId: c.id,
    channel: c.channel,
    topic: c.topic,
    eligibility: c.eligibility.result,
    groups: Object.entries(c.eligibility.answers)
      .filter(([, yes]) => yes === true)
      .map(([group]) => group),
    ...extra,
  };
}
