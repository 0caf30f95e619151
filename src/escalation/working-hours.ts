import type { EscalationConfig } from "../config/index.js";

/** The working clock's settings: office hours in Vietnam time and days off besides weekends. */
export type WorkingHours = Pick<EscalationConfig, "workdayStart" | "workdayEnd" | "holidays">;

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving time). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

interface Clock {
  readonly startMs: number;
  readonly endMs: number;
  readonly holidays: ReadonlySet<string>;
}

function minutesOf(hhmm: string, name: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes >= 0 && minutes <= 24 * 60)) throw new RangeError(`${name} must be HH:MM, got "${hhmm}"`);
  return minutes;
}

function clockOf(cfg: WorkingHours): Clock {
  const startMs = minutesOf(cfg.workdayStart, "workdayStart") * 60_000;
  const endMs = minutesOf(cfg.workdayEnd, "workdayEnd") * 60_000;
  if (endMs <= startMs) throw new RangeError("workdayEnd must be after workdayStart");
  return { startMs, endMs, holidays: new Set(cfg.holidays) };
}

/** Whether local day number `day` (days since 1970-01-01 in Vietnam time) is a working day. */
function isWorkingDay(day: number, clock: Clock): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday, 6 = Saturday
  if (weekday === 0 || weekday === 6) return false;
  return !clock.holidays.has(new Date(day * DAY_MS).toISOString().slice(0, 10));
}

/**
 * The moment `ms` of working time after `start`: only office hours of working days count
 * (Vietnam time; Saturdays, Sundays and `holidays` skipped). A start outside office hours counts
 * from the next opening, so a case opened on a Sunday with 0 ms is due Monday at opening time.
 */
export function addWorkingTime(start: Date, ms: number, cfg: WorkingHours): Date {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`working time must be ≥ 0, got ${ms}`);
  const clock = clockOf(cfg);
  let local = start.getTime() + VIETNAM_OFFSET_MS;
  let remaining = ms;
  for (;;) {
    const day = Math.floor(local / DAY_MS);
    const opens = day * DAY_MS + clock.startMs;
    const closes = day * DAY_MS + clock.endMs;
    if (!isWorkingDay(day, clock) || local >= closes) {
      local = (day + 1) * DAY_MS + clock.startMs;
      continue;
    }
    if (local < opens) local = opens;
    if (remaining <= closes - local) return new Date(local + remaining - VIETNAM_OFFSET_MS);
    remaining -= closes - local;
    local = (day + 1) * DAY_MS + clock.startMs;
  }
}

/** Working-clock milliseconds from `a` to `b` (0 when `b` is not after `a`). */
export function workingMsBetween(a: Date, b: Date, cfg: WorkingHours): number {
  const clock = clockOf(cfg);
  const from = a.getTime() + VIETNAM_OFFSET_MS;
  const to = b.getTime() + VIETNAM_OFFSET_MS;
  let total = 0;
  for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day++) {
    if (!isWorkingDay(day, clock)) continue;
    const opens = Math.max(from, day * DAY_MS + clock.startMs);
    const closes = Math.min(to, day * DAY_MS + clock.endMs);
    if (closes > opens) total += closes - opens;
  }
  return total;
}
