/** The calendar date `YYYY-MM-DD` of an instant in Vietnam time (reviewDue and reviewedAt are local dates). */
export function localDate(at: Date, timeZone = "Asia/Ho_Chi_Minh"): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}
