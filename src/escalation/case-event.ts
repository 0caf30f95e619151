import type { LegalAidCase } from "./case-schema.js";
import type { CaseEvent } from "./case-service.js";

/**
 * A case event for the reports: the case's channel, topic and screening, never its texts or ids —
 * not even the case code, so a stream entry kept after the case is anonymized cannot be tied to it.
 */
export function caseEvent(
  c: LegalAidCase,
  type: CaseEvent["type"],
  at: Date,
  extra: Pick<CaseEvent, "by" | "outcome" | "rating" | "responseMs"> = {},
): CaseEvent {
  return {
    at: at.toISOString(),
    type,
    channel: c.channel,
    topic: c.topic,
    eligibility: c.eligibility.result,
    groups: Object.entries(c.eligibility.answers)
      .filter(([, yes]) => yes === true)
      .map(([group]) => group),
    ...extra,
  };
}
