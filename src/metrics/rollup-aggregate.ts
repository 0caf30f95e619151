import type { ResponseTimes, Satisfaction } from "./report-types.js";
/** Counters by one dimension. */
export type Counts = Map<string, number>;

/** The daily rollups of a date range summed by the dimensions reports and the dashboard show. */
export interface RollupAggregate {
  readonly chatByChannel: Counts;
  readonly chatByTopic: Counts;
  readonly chatByKind: Counts;
  readonly chatByDay: Counts;
  /** `<day>|<kind>` */
  readonly chatByDayKind: Counts;
  readonly conversationsByChannel: Counts;
  /** Questions past a session's or a network's hourly cap (not in the chat counts), by channel. */
  readonly overCapByChannel: Counts;
  /** Sessions that went past the cap in an hour, by channel (an hour each). */
  readonly flaggedSessionsByChannel: Counts;
  /** Networks (web chat, public API) that went past the per-address cap in an hour, by channel. */
  readonly flaggedAddressesByChannel: Counts;
  readonly feedback: { up: number; down: number };
  readonly casesByChannel: Counts;
  readonly casesByTopic: Counts;
  readonly casesByEligibility: Counts;
  readonly casesByDay: Counts;
  readonly casesByGroup: Counts;
  readonly closedByOutcome: Counts;
  readonly closedByDay: Counts;
  /** Case events by type (created, claimed, sla-breach, …). */
  readonly caseEvents: Counts;
  readonly slaBreachesByDay: Counts;
  /** First-response times: whole seconds → how many cases. */
  readonly responseSeconds: Counts;
  readonly ratings: Counts;
  readonly callsByTopic: Counts;
  readonly callsByGroup: Counts;
  readonly callsByOutcome: Counts;
  readonly callsByDay: Counts;
  callSeconds: number;
}

/** An empty aggregate. */
export function emptyAggregate(): RollupAggregate {
  const m = () => new Map<string, number>();
  return {
    chatByChannel: m(),
    chatByTopic: m(),
    chatByKind: m(),
    chatByDay: m(),
    chatByDayKind: m(),
    conversationsByChannel: m(),
    overCapByChannel: m(),
    flaggedSessionsByChannel: m(),
    flaggedAddressesByChannel: m(),
    feedback: { up: 0, down: 0 },
    casesByChannel: m(),
    casesByTopic: m(),
    casesByEligibility: m(),
    casesByDay: m(),
    casesByGroup: m(),
    closedByOutcome: m(),
    closedByDay: m(),
    caseEvents: m(),
    slaBreachesByDay: m(),
    responseSeconds: m(),
    ratings: m(),
    callsByTopic: m(),
    callsByGroup: m(),
    callsByOutcome: m(),
    callsByDay: m(),
    callSeconds: 0,
  };
}

/** Fields `<code>|<channel>` counted by channel alone: conversations, questions set apart, flagged sessions and networks. */
const BY_CHANNEL = {
  s: "conversationsByChannel",
  x: "overCapByChannel",
  xs: "flaggedSessionsByChannel",
  xa: "flaggedAddressesByChannel",
} as const satisfies Record<string, keyof RollupAggregate>;

function add(map: Counts, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/**
 * Adds one day's rollup hash (see rollup-ops.ts for the field names). With `channel`, only that
 * channel counts: a chat channel keeps its chat and cases, `phone` keeps the calls.
 */
export function addDay(
  acc: RollupAggregate,
  day: string,
  fields: Readonly<Record<string, string>>,
  channel?: string,
): void {
  const chatOk = (ch: string | undefined) => channel === undefined || channel === ch;
  const callsOk = channel === undefined || channel === "phone";
  for (const [field, raw] of Object.entries(fields)) {
    const n = Number(raw);
    if (!Number.isFinite(n) || n === 0) continue;
    const p = field.split("|");
    switch (p[0]) {
      case "u": {
        const [, ch = "", topic = "", kind = ""] = p;
        if (!chatOk(ch)) break;
        add(acc.chatByChannel, ch, n);
        add(acc.chatByTopic, topic, n);
        add(acc.chatByKind, kind, n);
        add(acc.chatByDay, day, n);
        add(acc.chatByDayKind, `${day}|${kind}`, n);
        break;
      }
      case "s":
      case "x":
      case "xs":
      case "xa":
        if (chatOk(p[1])) add(acc[BY_CHANNEL[p[0]]], p[1] ?? "", n);
        break;
      case "f":
        if (chatOk(p[1])) {
          if (p[2] === "up") acc.feedback.up += n;
          else acc.feedback.down += n;
        }
        break;
      case "c": {
        const [, type = "", ch = "", topic = "", detail = ""] = p;
        if (!chatOk(ch)) break;
        add(acc.caseEvents, type, n);
        if (type === "created") {
          add(acc.casesByChannel, ch, n);
          add(acc.casesByTopic, topic, n);
          add(acc.casesByEligibility, detail, n);
          add(acc.casesByDay, day, n);
        } else if (type === "closed") {
          add(acc.closedByOutcome, detail, n);
          add(acc.closedByDay, day, n);
        } else if (type === "sla-breach") {
          add(acc.slaBreachesByDay, day, n);
        }
        break;
      }
      case "g":
        if (chatOk(p[1])) add(acc.casesByGroup, p[2] ?? "", n);
        break;
      case "rt":
        if (chatOk(p[1])) add(acc.responseSeconds, p[2] ?? "0", n);
        break;
      case "r":
        if (chatOk(p[1])) add(acc.ratings, p[2] ?? "", n);
        break;
      case "p": {
        if (!callsOk) break;
        const [, topic = "", group = "", outcome = ""] = p;
        add(acc.callsByTopic, topic, n);
        add(acc.callsByGroup, group, n);
        add(acc.callsByOutcome, outcome, n);
        add(acc.callsByDay, day, n);
        break;
      }
      case "pd":
        if (callsOk) acc.callSeconds += n;
        break;
    }
  }
}

/** The sum of a counter map. */
export function sumOf(map: Counts): number {
  let total = 0;
  for (const n of map.values()) total += n;
  return total;
}

/** Nearest-rank quantile (0..1) of a seconds → count histogram, in milliseconds; null when empty. */
export function quantileMs(histogram: Counts, q: number): number | null {
  const entries = [...histogram.entries()]
    .map(([s, n]) => [Number(s), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((t, [, n]) => t + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [seconds, n] of entries) {
    seen += n;
    if (seen >= rank) return seconds * 1000;
  }
  return null;
}

/** First-response times of a range: count, median and p90 (report summary and dashboard alike). */
export function responseTimesOf(agg: RollupAggregate): ResponseTimes {
  return {
    count: sumOf(agg.responseSeconds),
    medianMs: quantileMs(agg.responseSeconds, 0.5),
    p90Ms: quantileMs(agg.responseSeconds, 0.9),
  };
}

/** 👍/👎 and the 1–5 case ratings of a range (only ratings 1..5 count, as the ratings table shows). */
export function satisfactionOf(agg: RollupAggregate): Satisfaction {
  const { up, down } = agg.feedback;
  let ratingCount = 0;
  let ratingSum = 0;
  for (const r of [1, 2, 3, 4, 5]) {
    const n = agg.ratings.get(String(r)) ?? 0;
    ratingCount += n;
    ratingSum += r * n;
  }
  return {
    thumbsUp: up,
    thumbsDown: down,
    upRate: up + down ? up / (up + down) : null,
    ratingCount,
    ratingSum,
    ratingAverage: ratingCount ? ratingSum / ratingCount : null,
  };
}
