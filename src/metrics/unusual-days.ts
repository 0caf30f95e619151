import type { Counts } from "./rollup-aggregate.js";
import { addDays } from "./vietnam-day.js";

/** Days before a day whose median is its "usual" count. */
export const BASELINE_DAYS = 14;
/** A day is unusual at this many times its usual count … */
const TIMES_USUAL = 3;
/** … and at least this many questions above it (a quiet service's 2 → 7 is not a campaign). */
const ABOVE_USUAL = 50;

/** A day whose counted chat questions jumped far above the days before it. */
export interface UnusualDay {
  readonly day: string;
  readonly questions: number;
  /** Median of the counted questions of the BASELINE_DAYS days before (days without any count as 0). */
  readonly usual: number;
}

/**
 * The anomaly rule beyond the hourly caps: planted traffic spread over many sessions and networks
 * still shows as a day far above the days before. Such a day stays in the totals (a news report or a
 * commune's campaign also makes one) but is listed for the people who sign the report to check.
 * `chatByDay` must hold the BASELINE_DAYS days before `days[0]` as well.
 */
export function unusualDays(chatByDay: Counts, days: readonly string[]): UnusualDay[] {
  const out: UnusualDay[] = [];
  for (const day of days) {
    const questions = chatByDay.get(day) ?? 0;
    const before = Array.from({ length: BASELINE_DAYS }, (_, i) => chatByDay.get(addDays(day, -1 - i)) ?? 0);
    const usual = median(before);
    if (questions >= TIMES_USUAL * usual && questions - usual >= ABOVE_USUAL)
      out.push({ day, questions, usual });
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
