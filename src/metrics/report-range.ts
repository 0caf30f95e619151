import { z } from "zod";
import { isIsoDay } from "./vietnam-day.js";

const isoDay = z
  .string({ error: "Thiếu ngày (dạng YYYY-MM-DD)." })
  .refine(isIsoDay, "Ngày phải có dạng YYYY-MM-DD và là ngày có thật, ví dụ 2026-06-30.");

/** `from`/`to` of a report or dashboard query: real dates, from ≤ to, at most 3 years. */
export const reportRangeSchema = z
  .object({ from: isoDay, to: isoDay })
  .refine((r) => !bothDays(r) || r.from <= r.to, {
    message: "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
    path: ["from"],
  })
  .refine((r) => !bothDays(r) || r.to < threeYearsAfter(r.from), {
    message: "Khoảng thời gian tối đa là 3 năm.",
    path: ["to"],
  });

/** Range checks run only on two valid days (zod runs object checks after non-fatal field issues). */
function bothDays(r: { from: string; to: string }): boolean {
  return isIsoDay(r.from) && isIsoDay(r.to);
}

function threeYearsAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 3);
  return d.toISOString().slice(0, 10);
}

/** The first message of a zod error, for a 400 a person can read. */
export function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Yêu cầu không hợp lệ.";
}
