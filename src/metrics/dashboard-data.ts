import { topicLabel } from "../content/topics.js";
import { LABELS } from "./build-report.js";
import { groupLabel } from "./report-groups.js";
import type { ResponseTimes, Satisfaction } from "./report-types.js";
import { type RollupAggregate, responseTimesOf, satisfactionOf, sumOf } from "./rollup-aggregate.js";
import { REPLY_KINDS } from "./rollup-vocabulary.js";
import { daysBetween } from "./vietnam-day.js";

/** One day on the dashboard's charts. */
export interface DashboardDay {
  readonly day: string;
  /** Chat questions + calls. */
  readonly contacts: number;
  readonly calls: number;
  readonly cases: number;
  /** Chat questions by reply kind. */
  readonly kinds: Readonly<Record<string, number>>;
}

/** What the staff dashboard shows for a range (and optionally one channel). */
export interface DashboardData {
  readonly from: string;
  readonly to: string;
  readonly channel: string | null;
  readonly days: readonly DashboardDay[];
  readonly totals: {
    readonly contacts: number;
    readonly chatQuestions: number;
    readonly calls: number;
    readonly casesCreated: number;
    readonly slaBreaches: number;
  };
  readonly kinds: readonly { key: string; label: string; count: number }[];
  readonly topTopics: readonly { key: string; label: string; count: number }[];
  readonly groups: readonly { key: string; label: string; count: number }[];
  readonly responseTimes: ResponseTimes;
  readonly satisfaction: Satisfaction;
  readonly topUnanswered: readonly { sample: string; count: number }[];
}

/** The dashboard's numbers from the summed rollups and the unanswered samples of the range. */
export function dashboardFrom(
  agg: RollupAggregate,
  samples: ReadonlyMap<string, number>,
  range: { from: string; to: string; channel?: string },
): DashboardData {
  const days = daysBetween(range.from, range.to).map((day) => {
    const chat = agg.chatByDay.get(day) ?? 0;
    const calls = agg.callsByDay.get(day) ?? 0;
    return {
      day,
      contacts: chat + calls,
      calls,
      cases: agg.casesByDay.get(day) ?? 0,
      kinds: Object.fromEntries(REPLY_KINDS.map((k) => [k, agg.chatByDayKind.get(`${day}|${k}`) ?? 0])),
    };
  });
  const topics = new Map(agg.chatByTopic);
  for (const [t, n] of agg.callsByTopic) topics.set(t, (topics.get(t) ?? 0) + n);
  const groups = new Map(agg.casesByGroup);
  for (const [g, n] of agg.callsByGroup) groups.set(g, (groups.get(g) ?? 0) + n);
  groups.delete("none");
  const calls = sumOf(agg.callsByTopic);
  const chatQuestions = sumOf(agg.chatByKind);
  return {
    from: range.from,
    to: range.to,
    channel: range.channel ?? null,
    days,
    totals: {
      contacts: chatQuestions + calls,
      chatQuestions,
      calls,
      casesCreated: sumOf(agg.casesByChannel),
      slaBreaches: agg.caseEvents.get("sla-breach") ?? 0,
    },
    kinds: REPLY_KINDS.map((k) => ({ key: k, label: LABELS[k] ?? k, count: agg.chatByKind.get(k) ?? 0 })),
    topTopics: top(topics, 10).map(([key, count]) => ({ key, label: LABELS[key] ?? topicLabel(key), count })),
    groups: top(groups, 20).map(([key, count]) => ({ key, label: groupLabel(key), count })),
    responseTimes: responseTimesOf(agg),
    satisfaction: satisfactionOf(agg),
    topUnanswered: top(samples, 20).map(([sample, count]) => ({ sample, count })),
  };
}

function top(map: ReadonlyMap<string, number>, n: number): [string, number][] {
  return [...map]
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n);
}
