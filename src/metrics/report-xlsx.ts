import ExcelJS from "exceljs";
import { reportPeriod, reportTitle, summaryLines, vietnameseDate } from "./report-summary.js";
import type { Report, ReportTable } from "./report-types.js";

/** The row every sheet's table header sits on: title, period and a blank row come first. */
export const XLSX_HEADER_ROW = 4;

/**
 * Sheet names chosen to fit Excel's 31 characters whole (a cut name such as "…sàng lọc diệ" reads
 * as a mistake); a table without one falls back to its title cut at a word boundary.
 */
const SHEET_NAMES: Readonly<Record<string, string>> = {
  channels: "Theo kênh",
  topics: "Theo lĩnh vực pháp luật",
  groups: "Theo nhóm đối tượng",
  outcomes: "Theo kết quả xử lý",
  kinds: "Trả lời tự động",
  eligibility: "Sàng lọc diện trợ giúp",
  months: "Theo tháng",
  ratings: "Đánh giá hồ sơ",
  "unusual-days": "Ngày tăng đột biến",
};

/** An Excel sheet name: at most 31 characters, none of []:*?/\ , cut at a word boundary. */
export function sheetName(table: Pick<ReportTable, "id" | "title">): string {
  const name = (SHEET_NAMES[table.id] ?? table.title).replace(/[[\]:*?/\\]/g, "-");
  if (name.length <= 31) return name;
  const cut = name.slice(0, 31);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), 20)).trim();
}

/** Title (bold), period and date of issue on the first rows of a sheet, above its header. */
function heading(sheet: ExcelJS.Worksheet, title: string, report: Report, span: number): void {
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getCell(2, 1).value =
    `${reportPeriod(report)} · Lập ngày ${vietnameseDate(report.generatedAt.slice(0, 10))}`;
  sheet.getCell(2, 1).font = { italic: true };
  if (span > 1) {
    sheet.mergeCells(1, 1, 1, span);
    sheet.mergeCells(2, 1, 2, span);
  }
}

/** Header cells in bold, wrapped, frozen under the heading. */
function header(sheet: ExcelJS.Worksheet, labels: readonly string[]): void {
  const row = sheet.getRow(XLSX_HEADER_ROW);
  row.values = [...labels];
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle" };
  sheet.views = [{ state: "frozen", ySplit: XLSX_HEADER_ROW }];
}

/**
 * The report as an XLSX workbook: a summary sheet, then one sheet per table, each with the report's
 * title and period on top, a bold header, column widths, and a bold "Tổng cộng" row whose cells are
 * numbers (the sum of the rows). Dates are written dd/mm/yyyy.
 */
export async function reportToXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Trợ lý pháp luật";
  book.created = new Date(report.generatedAt);

  const summary = book.addWorksheet("Tổng hợp");
  summary.columns = [{ width: 70 }, { width: 14 }];
  heading(summary, reportTitle(report), report, 2);
  header(summary, ["Chỉ tiêu", "Số liệu"]);
  for (const s of summaryLines(report)) summary.addRow([s.label, s.value ?? ""]);

  for (const t of report.tables) {
    const sheet = book.addWorksheet(sheetName(t));
    const longest = Math.max(12, ...t.rows.map((r) => r.label.length), "Tổng cộng".length);
    sheet.columns = [
      { width: Math.min(60, longest + 2) },
      ...t.columns.map((c) => ({ width: Math.min(40, Math.max(12, c.label.length + 2)) })),
    ];
    heading(sheet, t.title, report, t.columns.length + 1);
    header(sheet, ["Mục", ...t.columns.map((c) => c.label)]);
    for (const r of t.rows) sheet.addRow([r.label, ...t.columns.map((c) => r.values[c.key] ?? 0)]);
    const total = sheet.addRow(["Tổng cộng", ...t.columns.map((c) => t.total[c.key] ?? 0)]);
    total.font = { bold: true };
    total.border = { top: { style: "thin" } };
    if (t.note) sheet.addRow([`Ghi chú: ${t.note}`]).font = { italic: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
