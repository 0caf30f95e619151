import { describe, expect, it } from "vitest";
import { unusualDays } from "./unusual-days.js";
import { addDays, daysBetween } from "./vietnam-day.js";

/** Counts per day from `start`, one number per day. */
const series = (start: string, counts: number[]) => new Map(counts.map((n, i) => [addDays(start, i), n]));

describe("unusualDays", () => {
  it("lists a day far above the fortnight before it, with that fortnight's median", () => {
    const counts = series("2026-03-01", [...Array(14).fill(40), 41, 300, 38]);
    const found = unusualDays(counts, daysBetween("2026-03-15", "2026-03-17"));
    expect(found).toEqual([{ day: "2026-03-16", questions: 300, usual: 40 }]);
  });

  it("leaves ordinary ups and downs and small services alone", () => {
    const busy = series("2026-03-01", [...Array(14).fill(40), 90, 110, 20]);
    expect(unusualDays(busy, daysBetween("2026-03-15", "2026-03-17"))).toEqual([]);
    const quiet = series("2026-03-01", [...Array(14).fill(2), 30]);
    expect(unusualDays(quiet, ["2026-03-15"])).toEqual([]);
  });

  it("reads the days before the range, so a spike on the range's first day is seen", () => {
    const counts = series("2026-02-15", [...Array(14).fill(10), 500]);
    expect(unusualDays(counts, ["2026-03-01"])).toEqual([{ day: "2026-03-01", questions: 500, usual: 10 }]);
    // Without the fortnight before, the same day has nothing to compare with but zeros, and is listed too.
    expect(unusualDays(new Map([["2026-03-01", 500]]), ["2026-03-01"])).toHaveLength(1);
  });
});
