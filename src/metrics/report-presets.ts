import type { DateRange } from "./reports.js";
import { addDays, vietnamDay } from "./vietnam-day.js";

/** A ready-made report period the report page offers. */
export interface ReportPreset extends DateRange {
  readonly id: string;
  readonly label: string;
}

/**
 * The periods a legal-aid center reports on, for the Vietnamese day of `now`: this month so far,
 * the six-month report (1/1–30/6) and the year of this year and last year.
 */
export function reportPresets(now: Date): ReportPreset[] {
  const today = vietnamDay(now);
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  const lastMonthEnd = addDays(`${month}-01`, -1);
  return [
    { id: "month", label: "Tháng này", from: `${month}-01`, to: today },
    { id: "last-month", label: "Tháng trước", from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd },
    { id: "h1", label: `6 tháng đầu năm ${year}`, from: `${year}-01-01`, to: `${year}-06-30` },
    { id: "year", label: `Cả năm ${year}`, from: `${year}-01-01`, to: `${year}-12-31` },
    {
      id: "h1-last",
      label: `6 tháng đầu năm ${year - 1}`,
      from: `${year - 1}-01-01`,
      to: `${year - 1}-06-30`,
    },
    { id: "year-last", label: `Cả năm ${year - 1}`, from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  ];
}
