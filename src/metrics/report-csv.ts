import { reportTitle, summaryLines } from "./report-summary.js";
import type { Report } from "./report-types.js";

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | null)[]) => cells.map(cell).join(",");

/**
 * The report as CSV for Excel: UTF-8 with a BOM (so Vietnamese shows right), CRLF lines,
 * a summary section, then one section per table (title, header, rows, "Tổng cộng").
 */
export function reportToCsv(report: Report): string {
  const lines: string[] = [
    line([reportTitle(report)]),
    "",
    line(["Tổng hợp"]),
    line(["Chỉ tiêu", "Số liệu"]),
  ];
  for (const s of summaryLines(report)) lines.push(line([s.label, s.value]));
  for (const t of report.tables) {
    lines.push("", line([t.title]));
    lines.push(line(["Mục", ...t.columns.map((c) => c.label)]));
    for (const r of t.rows) lines.push(line([r.label, ...t.columns.map((c) => r.values[c.key] ?? 0)]));
    lines.push(line(["Tổng cộng", ...t.columns.map((c) => t.total[c.key] ?? 0)]));
    if (t.note) lines.push(line([`Ghi chú: ${t.note}`]));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
