import ExcelJS from "exceljs";
import { reportTitle, summaryLines } from "./report-summary.js";
import type { Report } from "./report-types.js";

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
}

/**
 * The report as an XLSX workbook: a summary sheet, then one sheet per table with a bold header,
 * column widths, and a bold "Tổng cộng" row whose cells are numbers (the sum of the rows).
 */
export async function reportToXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Trợ lý pháp luật";
  book.created = new Date(report.generatedAt);

  const summary = book.addWorksheet("Tổng hợp");
  summary.columns = [
    { header: "Chỉ tiêu", key: "label", width: 70 },
    { header: "Số liệu", key: "value", width: 14 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const s of summaryLines(report)) summary.addRow({ label: s.label, value: s.value ?? "" });
  summary.addRow([]);
  summary.addRow([reportTitle(report)]).font = { italic: true };

  for (const t of report.tables) {
    const sheet = book.addWorksheet(sheetName(t.title));
    const longest = Math.max(12, ...t.rows.map((r) => r.label.length), "Tổng cộng".length);
    sheet.columns = [
      { header: "Mục", key: "label", width: Math.min(60, longest + 2) },
      ...t.columns.map((c) => ({
        header: c.label,
        key: c.key,
        width: Math.min(40, Math.max(12, c.label.length + 2)),
      })),
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: "middle" };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const r of t.rows) {
      sheet.addRow({
        label: r.label,
        ...Object.fromEntries(t.columns.map((c) => [c.key, r.values[c.key] ?? 0])),
      });
    }
    const total = sheet.addRow({
      label: "Tổng cộng",
      ...Object.fromEntries(t.columns.map((c) => [c.key, t.total[c.key] ?? 0])),
    });
    total.font = { bold: true };
    total.border = { top: { style: "thin" } };
    if (t.note) sheet.addRow([`Ghi chú: ${t.note}`]).font = { italic: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
