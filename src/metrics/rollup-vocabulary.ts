import { channelRegistry } from "../channels/channel-registry.js";
import { TOPIC_IDS } from "../content/topics.js";
import { TOOL_SOURCES } from "../core/index.js";
import { CALL_OUTCOMES } from "./call-log-schema.js";
import { REPORT_GROUP_IDS } from "./report-groups.js";

/** Reply kinds of the ask API (DESIGN.md). */
export const REPLY_KINDS = ["answer", "choices", "fallback", "escalate", "emergency"] as const;
/** Case event types (src/escalation/case-service.ts `CaseEvent`). */
export const CASE_EVENT_TYPES = [
  "created",
  "claimed",
  "first-reply",
  "replied",
  "transferred",
  "closed",
  "rated",
  "sla-reminder",
  "sla-breach",
  "anonymized",
] as const;
/** Case outcomes (src/escalation/case-schema.ts). */
export const CASE_OUTCOMES = [
  "answered",
  "referred-to-legal-aid-procedure",
  "referred-elsewhere",
  "no-response",
  "duplicate",
] as const;
export const ELIGIBILITY_RESULTS = ["likely-eligible", "unclear", "not-listed"] as const;
/** Topic of a contact whose topic is not known (greetings, fallbacks). */
export const NO_TOPIC = "khac";

const sets = {
  tool: new Set<string>(TOOL_SOURCES),
  kind: new Set<string>(REPLY_KINDS),
  topic: new Set<string>(TOPIC_IDS),
  caseType: new Set<string>(CASE_EVENT_TYPES),
  caseOutcome: new Set<string>(CASE_OUTCOMES),
  callOutcome: new Set<string>(CALL_OUTCOMES.map((o) => o.id)),
  group: new Set<string>(REPORT_GROUP_IDS),
  eligibility: new Set<string>(ELIGIBILITY_RESULTS),
};

/**
 * Only known values become parts of rollup field names: this bounds the number of fields
 * (no cardinality blow-up) and keeps free text, ids and the `|` separator out of them.
 */
export const vocabulary = {
  /** A registered channel's metrics label, or a tool's id; undefined for an unknown channel (not counted). */
  channel: (v: unknown): string | undefined =>
    channelRegistry.has(v)
      ? channelRegistry.get(v).metricsLabel
      : typeof v === "string" && sets.tool.has(v)
        ? v
        : undefined,
  kind: (v: unknown) => (typeof v === "string" && sets.kind.has(v) ? v : "other"),
  topic: (v: unknown) => (typeof v === "string" && sets.topic.has(v) ? v : NO_TOPIC),
  caseType: (v: unknown) => (typeof v === "string" && sets.caseType.has(v) ? v : undefined),
  caseOutcome: (v: unknown) => (typeof v === "string" && sets.caseOutcome.has(v) ? v : "other"),
  callOutcome: (v: unknown) => (typeof v === "string" && sets.callOutcome.has(v) ? v : "other"),
  group: (v: unknown) => (typeof v === "string" && sets.group.has(v) ? v : "other"),
  eligibility: (v: unknown) => (typeof v === "string" && sets.eligibility.has(v) ? v : "unclear"),
};
