/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

const pad = (n: number) => String(n).padStart(2, "0");

/** An ISO instant as a person in Vietnam reads it: "10:30 ngày 27/11/2026". */
export function formatVietnamTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS);
  if (Number.isNaN(local.getTime())) return iso;
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ngày ${formatVietnamDate(iso)}`;
}

/** An ISO instant's calendar day in Vietnam: "27/11/2026". */
export function formatVietnamDate(iso: string): string {
  const local = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS);
  if (Number.isNaN(local.getTime())) return iso;
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}
