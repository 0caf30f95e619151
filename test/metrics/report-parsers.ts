import ExcelJS from "exceljs";

/** Parses CSV (RFC 4180 quoting, CRLF or LF lines, `;` or `,` between cells) into rows of cells. */
export function parseCsv(text: string, separator = ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** One table read back from an export: header, rows by label, and the "Tổng cộng" row. */
export interface ParsedTable {
  readonly header: string[];
  readonly rows: Map<string, number[]>;
  readonly total: number[];
}

/** A number as the CSV writes it: decimal comma with `;`, decimal point with `,`. */
const csvNumber = (cell: string) => Number(cell.replace(",", "."));

/** The CSV sections: title → table (header line, rows, "Tổng cộng"). */
export function csvTables(rows: string[][]): Map<string, ParsedTable> {
  const tables = new Map<string, ParsedTable>();
  for (let i = 0; i < rows.length; i++) {
    const title = rows[i]?.[0];
    const header = rows[i + 1];
    if (!title || rows[i]?.length !== 1 || header?.[0] !== "Mục") continue;
    const body = new Map<string, number[]>();
    let j = i + 2;
    for (; j < rows.length && rows[j]?.[0] !== "Tổng cộng"; j++) {
      const r = rows[j] ?? [];
      body.set(r[0] ?? "", r.slice(1).map(csvNumber));
    }
    tables.set(title, {
      header: header.slice(1),
      rows: body,
      total: (rows[j] ?? []).slice(1).map(csvNumber),
    });
    i = j;
  }
  return tables;
}

/** The XLSX sheets read back: sheet name → table (the header row starts with "Mục", then rows to "Tổng cộng"). */
export async function xlsxTables(buffer: Buffer): Promise<Map<string, ParsedTable>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const tables = new Map<string, ParsedTable>();
  book.eachSheet((sheet) => {
    const values = (n: number) => {
      const v = sheet.getRow(n).values;
      return (Array.isArray(v) ? v.slice(1) : []) as (string | number | null)[];
    };
    let at = 1;
    while (at <= sheet.rowCount && values(at)[0] !== "Mục") at++;
    if (at > sheet.rowCount) return;
    const header = values(at).map(String);
    const rows = new Map<string, number[]>();
    let total: number[] = [];
    for (let n = at + 1; n <= sheet.rowCount; n++) {
      const [label, ...nums] = values(n);
      if (label === "Tổng cộng") {
        total = nums.map(Number);
        break;
      }
      rows.set(String(label), nums.map(Number));
    }
    tables.set(sheet.name, { header: header.slice(1), rows, total });
  });
  return tables;
}
