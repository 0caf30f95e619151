import type { Redis } from "ioredis";
import { scrub } from "../core/text/scrub.js";
import { buildReportFrom } from "./build-report.js";
import { type DashboardData, dashboardFrom } from "./dashboard-data.js";
import { metricsKeys } from "./metrics-keys.js";
import type { Report } from "./report-types.js";
import { addDay, emptyAggregate, type RollupAggregate } from "./rollup-aggregate.js";
import { BASELINE_DAYS } from "./unusual-days.js";
import { addDays, daysBetween } from "./vietnam-day.js";

/** A date range of Vietnamese days (YYYY-MM-DD), both included. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Reports and dashboard numbers, read from the daily rollups (never from raw events). */
export interface Reports {
  buildReport(range: DateRange): Promise<Report>;
  /** 1 January – 30 June of `year` (the six-month report). */
  sixMonthReport(year: number): Promise<Report>;
  /** 1 January – 31 December of `year`. */
  annualReport(year: number): Promise<Report>;
  dashboardData(range: DateRange & { readonly channel?: string }): Promise<DashboardData>;
}

const CHUNK = 200;

/** Reports over the `metricsKeys.day` hashes: a year is ~365 HGETALLs, pipelined. */
export function redisReports(deps: { redis: Redis; prefix: string; now?: () => Date }): Reports {
  const now = deps.now ?? (() => new Date());

  async function readHashes(keys: readonly string[]): Promise<Record<string, string>[]> {
    const out: Record<string, string>[] = [];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const pipeline = deps.redis.pipeline();
      for (const key of keys.slice(i, i + CHUNK)) pipeline.hgetall(key);
      const replies = (await pipeline.exec()) ?? [];
      for (const [err, value] of replies) {
        if (err) throw err;
        out.push((value ?? {}) as Record<string, string>);
      }
    }
    return out;
  }

  async function aggregate(range: DateRange, channel?: string): Promise<RollupAggregate> {
    const days = daysBetween(range.from, range.to);
    const hashes = await readHashes(days.map((d) => metricsKeys.day(deps.prefix, d)));
    const acc = emptyAggregate();
    days.forEach((day, i) => {
      addDay(acc, day, hashes[i] ?? {}, channel);
    });
    return acc;
  }

  async function buildReport(range: DateRange): Promise<Report> {
    // The fortnight before `from` is read too: the unusual-day rule compares each day with the days before it.
    const fortnight = { from: addDays(range.from, -BASELINE_DAYS), to: addDays(range.from, -1) };
    const [agg, before] = await Promise.all([aggregate(range), aggregate(fortnight)]);
    return buildReportFrom(agg, range.from, range.to, now(), before.chatByDay);
  }

  return {
    buildReport,
    sixMonthReport: (year) => buildReport({ from: `${year}-01-01`, to: `${year}-06-30` }),
    annualReport: (year) => buildReport({ from: `${year}-01-01`, to: `${year}-12-31` }),
    async dashboardData(range) {
      const agg = await aggregate(range, range.channel);
      const samples = new Map<string, number>();
      if (range.channel !== "phone") {
        const days = daysBetween(range.from, range.to);
        const hashes = await readHashes(days.map((d) => metricsKeys.samples(deps.prefix, d)));
        // The same samples recur day after day: scrub each distinct one once.
        const scrubbed = new Map<string, string>();
        for (const hash of hashes) {
          for (const [field, raw] of Object.entries(hash)) {
            const cut = field.indexOf("|");
            if (range.channel && field.slice(0, cut) !== range.channel) continue;
            const text = field.slice(cut + 1);
            let sample = scrubbed.get(text);
            if (sample === undefined) {
              sample = scrub(text);
              scrubbed.set(text, sample);
            }
            samples.set(sample, (samples.get(sample) ?? 0) + Number(raw));
          }
        }
      }
      return dashboardFrom(agg, samples, range);
    },
  };
}
