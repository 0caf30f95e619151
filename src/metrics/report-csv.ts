import { reportTitle, summaryLines, vietnameseDate } from "./report-summary.js";
import type { Report } from "./report-types.js";

/**
 * How the CSV is written. `semicolon` (the default) is what Excel opens in one click on a computer
 * set to Vietnamese (list separator `;`, decimal comma); `comma` is for English settings and scripts.
 */
export type CsvDialect = "semicolon" | "comma";

const DIALECTS = {
  semicolon: { separator: ";", decimal: "," },
  comma: { separator: ",", decimal: "." },
} as const;

/**
 * The report as CSV for Excel: UTF-8 with a BOM (so Vietnamese shows right), CRLF lines, the title
 * and period first, a summary section, then one section per table (title, header, rows, "Tổng cộng").
 * Text a spreadsheet would run as a formula is defused.
 */
export function reportToCsv(report: Report, dialect: CsvDialect = "semicolon"): string {
  const { separator, decimal } = DIALECTS[dialect];
  const cell = (value: string | number | null): string => {
    if (value === null) return "";
    if (typeof value === "number") return String(value).replace(".", decimal);
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const line = (cells: (string | number | null)[]) => cells.map(cell).join(separator);
  const lines: string[] = [
    line([reportTitle(report)]),
    line([`Lập ngày ${vietnameseDate(report.generatedAt.slice(0, 10))}`]),
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
