import { scrub } from "../core/text/scrub.js";
import { metricsKeys } from "./metrics-keys.js";
import { groupsOfCase } from "./report-groups.js";
import { vocabulary } from "./rollup-vocabulary.js";
import { vietnamDay } from "./vietnam-day.js";

/** Which stream an entry came from. */
export type EventSource = "usage" | "case" | "call";

/** One counter change an event makes; applied atomically with the entry's XACK (see rollup-script.ts). */
export type RollupOp =
  | { readonly t: "inc"; readonly key: string; readonly field: string; readonly by: number }
  /** SADD `member` to `set`; when new, +1 on `key`/`field` (distinct conversations per day). */
  | {
      readonly t: "distinct";
      readonly set: string;
      readonly member: string;
      readonly key: string;
      readonly field: string;
    }
  /** +1 on `key`/`field` unless the hash already holds `cap` other fields (top unanswered samples). */
  | { readonly t: "capped"; readonly key: string; readonly field: string }
  /**
   * A question counted toward `key`/`field` only while its session asked at most the per-session cap
   * in this hour, and its network (when known) at most the per-address cap (`counter` counts per
   * `member` and per `origin.member`); past either, +1 on `over`, and +1 on the cap's flag the first
   * time it is passed.
   */
  | {
      readonly t: "perSession";
      readonly counter: string;
      readonly member: string;
      readonly key: string;
      readonly field: string;
      readonly over: string;
      readonly flag: string;
      readonly origin?: { readonly member: string; readonly flag: string };
    };

/** Usage intents that are steps of a conversation already counted, not questions. */
const NOT_A_QUESTION = /^(?:intake-(?!consent$).+|rating|case-status|thread-.+)$/;

/**
 * Field names of the daily rollup hash `metricsKeys.day`, `|`-separated, built only from
 * the vocabulary (rollup-vocabulary.ts):
 * - `u|<channel>|<topic>|<kind>` chat questions · `f|<channel>|up|down` 👍/👎 · `s|<channel>` conversations
 * - `c|<type>|<channel>|<topic>|<detail>` case events (detail: eligibility for created, outcome for closed, else `-`)
 * - `g|<channel>|<group>` report groups of created cases · `rt|<channel>|<seconds>` first-response times
 * - `r|<channel>|<1..5>` case ratings · `p|<topic>|<group>|<outcome>` phone calls · `pd` call seconds
 * - `x|<channel>` questions over the per-session or per-address hourly cap, not counted in `u|…` ·
 *   `xs|<channel>` sessions and `xa|<channel>` networks that went over it (planted traffic: one session,
 *   or one address rotating sessions, cannot inflate the totals sent to the Department)
 */
export function rollupOps(
  prefix: string,
  source: EventSource,
  streamId: string,
  json: string | undefined,
): RollupOp[] {
  let event: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(json ?? "");
    if (!parsed || typeof parsed !== "object") return [];
    event = parsed as Record<string, unknown>;
  } catch {
    return [];
  }
  const day = vietnamDay(eventTime(event.at, streamId));
  const key = metricsKeys.day(prefix, day);
  const inc = (field: string, by = 1): RollupOp => ({ t: "inc", key, field, by });

  if (source === "usage") {
    const channel = vocabulary.channel(event.channel);
    if (!channel) return []; // an unknown channel is not counted under another's name
    const ops: RollupOp[] = [];
    if (typeof event.session === "string" && event.session) {
      const set = metricsKeys.sessions(prefix, day);
      ops.push({ t: "distinct", set, member: `${channel}|${event.session}`, key, field: `s|${channel}` });
    }
    if (event.intent === "feedback-up" || event.intent === "feedback-down") {
      ops.push(inc(`f|${channel}|${event.intent === "feedback-up" ? "up" : "down"}`));
      return ops;
    }
    // The answers of an intake ("có", "1", the commune, "gửi"), a rating or a status check are turns of
    // one contact, not new questions: the hand-off counts once, when it starts (intake-consent).
    if (typeof event.intent === "string" && NOT_A_QUESTION.test(event.intent)) return ops;
    const field = `u|${channel}|${vocabulary.topic(event.topic)}|${vocabulary.kind(event.kind)}`;
    if (typeof event.session === "string" && event.session) {
      const hour = vietnamHour(eventTime(event.at, streamId));
      ops.push({
        t: "perSession",
        counter: metricsKeys.sessionHour(prefix, day, hour),
        member: `${channel}|${event.session}`,
        key,
        field,
        over: `x|${channel}`,
        flag: `xs|${channel}`,
        ...(typeof event.origin === "string" && event.origin
          ? { origin: { member: `origin|${channel}|${event.origin}`, flag: `xa|${channel}` } }
          : {}),
      });
    } else ops.push(inc(field));
    if (typeof event.sample === "string" && event.sample.trim()) {
      // Samples were scrubbed by the engine; scrubbed again here in case an older writer did not.
      const sample = scrub(event.sample.trim().toLowerCase()).slice(0, 200);
      ops.push({ t: "capped", key: metricsKeys.samples(prefix, day), field: `${channel}|${sample}` });
    }
    return ops;
  }

  if (source === "call") {
    const topic = vocabulary.topic(event.topic);
    const ops = [
      inc(`p|${topic}|${vocabulary.group(event.callerGroup)}|${vocabulary.callOutcome(event.outcome)}`),
    ];
    const seconds = Number(event.durationSeconds);
    if (Number.isInteger(seconds) && seconds > 0) ops.push(inc("pd", seconds));
    return ops;
  }

  const type = vocabulary.caseType(event.type);
  if (!type) return [];
  const channel = vocabulary.channel(event.channel);
  if (!channel) return [];
  const topic = vocabulary.topic(event.topic);
  switch (type) {
    case "created": {
      const groups = groupsOfCase(Array.isArray(event.groups) ? event.groups.map(String) : []);
      return [
        inc(`c|created|${channel}|${topic}|${vocabulary.eligibility(event.eligibility)}`),
        ...groups.map((g) => inc(`g|${channel}|${g}`)),
      ];
    }
    case "closed":
      return [inc(`c|closed|${channel}|${topic}|${vocabulary.caseOutcome(event.outcome)}`)];
    case "first-reply": {
      const ms = Number(event.responseMs);
      const ops = [inc(`c|first-reply|${channel}|${topic}|-`)];
      if (Number.isFinite(ms) && ms >= 0) ops.push(inc(`rt|${channel}|${Math.round(ms / 1000)}`));
      return ops;
    }
    case "rated": {
      const rating = Number(event.rating);
      const ops = [inc(`c|rated|${channel}|${topic}|-`)];
      if (Number.isInteger(rating) && rating >= 1 && rating <= 5) ops.push(inc(`r|${channel}|${rating}`));
      return ops;
    }
    default:
      return [inc(`c|${type}|${channel}|${topic}|-`)];
  }
}

/** The hour of the day in Vietnam (UTC+7), `00`–`23`. */
function vietnamHour(ms: number): string {
  return String(new Date(ms + 7 * 3_600_000).getUTCHours()).padStart(2, "0");
}

/** The event's own time; the stream id's milliseconds when it has none. */
function eventTime(at: unknown, streamId: string): number {
  const ms = typeof at === "string" ? Date.parse(at) : Number.NaN;
  return Number.isNaN(ms) ? Number(streamId.split("-")[0]) : ms;
}
