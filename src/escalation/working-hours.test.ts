import { describe, expect, it } from "vitest";
import { addWorkingTime, type WorkingHours, workingMsBetween } from "./working-hours.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const office: WorkingHours = { workdayStart: "07:30", workdayEnd: "17:00", holidays: [] };
const newYear: WorkingHours = { ...office, holidays: ["2027-01-01"] };

/** A moment in Vietnam time, written as "2026-11-27 16:30". */
const vn = (local: string) => new Date(`${local.replace(" ", "T")}:00+07:00`);
/** The same moment back in Vietnam time, for readable expectations. */
const local = (d: Date) => new Date(d.getTime() + 7 * HOUR).toISOString().slice(0, 16).replace("T", " ");

describe("addWorkingTime", () => {
  it.each([
    ["inside one day", "2026-11-25 09:00", 2 * HOUR, office, "2026-11-25 11:00"],
    ["ending exactly at closing time", "2026-11-25 09:00", 8 * HOUR, office, "2026-11-25 17:00"],
    ["one minute past closing time", "2026-11-25 09:00", 8 * HOUR + MINUTE, office, "2026-11-26 07:31"],
    ["Friday 16:30 + 8 h skips the weekend", "2026-11-27 16:30", 8 * HOUR, office, "2026-11-30 15:00"],
    ["opened on a Sunday, 0 h", "2026-11-29 10:00", 0, office, "2026-11-30 07:30"],
    ["opened on a Sunday, 8 h", "2026-11-29 10:00", 8 * HOUR, office, "2026-11-30 15:30"],
    ["opened on a Saturday night", "2026-11-28 23:59", HOUR, office, "2026-11-30 08:30"],
    ["before opening", "2026-12-01 06:00", HOUR, office, "2026-12-01 08:30"],
    ["after closing", "2026-12-01 18:00", HOUR, office, "2026-12-02 08:30"],
    ["06:30 Vietnam time is the previous UTC day", "2026-11-25 06:30", HOUR, office, "2026-11-25 08:30"],
    ["over the year boundary and New Year's Day", "2026-12-31 16:00", 8 * HOUR, newYear, "2027-01-04 14:30"],
    ["a case opened on the holiday itself", "2027-01-01 09:00", HOUR, newYear, "2027-01-04 08:30"],
    ["without the holiday, New Year's Day counts", "2026-12-31 16:00", 8 * HOUR, office, "2027-01-01 14:30"],
    [
      "a week of Tết holidays",
      "2027-02-04 16:00",
      2 * HOUR,
      {
        ...office,
        holidays: ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"],
      },
      "2027-02-15 08:30",
    ],
    [
      "other office hours",
      "2026-11-27 16:30",
      8 * HOUR,
      { ...office, workdayStart: "08:00" },
      "2026-11-30 15:30",
    ],
    ["several working days", "2026-11-23 07:30", 3 * 9.5 * HOUR, office, "2026-11-25 17:00"],
  ])("%s: %s + working time → %s", (_name, start, ms, cfg, due) => {
    expect(local(addWorkingTime(vn(start), ms, cfg))).toBe(due);
  });

  it("refuses negative time and office hours that end before they start", () => {
    expect(() => addWorkingTime(vn("2026-11-25 09:00"), -1, office)).toThrow(RangeError);
    expect(() =>
      addWorkingTime(vn("2026-11-25 09:00"), HOUR, { ...office, workdayStart: "17:00", workdayEnd: "07:30" }),
    ).toThrow(/workdayEnd/);
  });
});

describe("workingMsBetween", () => {
  it.each([
    ["same morning", "2026-11-25 09:00", "2026-11-25 10:15", office, 75 * MINUTE],
    ["Friday 16:30 to Monday 08:00", "2026-11-27 16:30", "2026-11-30 08:00", office, HOUR],
    ["over a weekend, counted from Sunday", "2026-11-29 10:00", "2026-11-30 08:00", office, 30 * MINUTE],
    ["night only", "2026-11-25 18:00", "2026-11-26 07:00", office, 0],
    ["over New Year's Day", "2026-12-31 16:00", "2027-01-04 08:30", newYear, 2 * HOUR],
    ["New Year's Day as a working day", "2026-12-31 16:00", "2027-01-04 08:30", office, 11.5 * HOUR],
    ["backwards", "2026-11-26 09:00", "2026-11-25 09:00", office, 0],
  ])("%s: %s → %s = %d ms", (_name, a, b, cfg, ms) => {
    expect(workingMsBetween(vn(a), vn(b), cfg)).toBe(ms);
  });

  it("measures back exactly what addWorkingTime added", () => {
    for (const start of ["2026-11-27 16:30", "2026-11-29 10:00", "2026-12-31 08:00"]) {
      for (const ms of [0, 30 * MINUTE, 8 * HOUR, 40 * HOUR]) {
        const due = addWorkingTime(vn(start), ms, newYear);
        expect(workingMsBetween(vn(start), due, newYear)).toBe(ms);
      }
    }
  });
});
