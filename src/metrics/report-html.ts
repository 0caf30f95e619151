import { reportTitle, summaryLines, vietnameseDate } from "./report-summary.js";
import type { Report } from "./report-types.js";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const num = (v: number | null) => (v === null ? "—" : v.toLocaleString("vi-VN"));

const STYLE = `
body{font-family:"Times New Roman",serif;margin:2rem;color:#000;line-height:1.4}
h1{font-size:1.3rem;text-align:center;text-transform:uppercase}
h2{font-size:1.05rem;margin-top:1.5rem}
p.org,p.meta{text-align:center;margin:.2rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0;page-break-inside:avoid}
th,td{border:1px solid #000;padding:.25rem .5rem}
th{background:#eee}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:bold}
p.note{font-style:italic;font-size:.9rem}
@page{size:A4;margin:1.5cm}
@media print{body{margin:0}th{background:none}}
`;

/** The report as a standalone printable page (no scripts; every text escaped). */
export function reportToHtml(report: Report, options: { orgName?: string } = {}): string {
  const parts: string[] = [];
  if (options.orgName) parts.push(`<p class="org">${escapeHtml(options.orgName)}</p>`);
  parts.push(`<h1>${escapeHtml(reportTitle(report))}</h1>`);
  parts.push(`<p class="meta">Lập lúc ${escapeHtml(vietnameseDate(report.generatedAt.slice(0, 10)))}</p>`);
  parts.push("<h2>Tổng hợp</h2><table><thead><tr><th>Chỉ tiêu</th><th>Số liệu</th></tr></thead><tbody>");
  for (const s of summaryLines(report)) {
    parts.push(`<tr><td>${escapeHtml(s.label)}</td><td class="n">${num(s.value)}</td></tr>`);
  }
  parts.push("</tbody></table>");
  for (const t of report.tables) {
    parts.push(`<h2>${escapeHtml(t.title)}</h2><table><thead><tr><th>Mục</th>`);
    for (const c of t.columns) parts.push(`<th>${escapeHtml(c.label)}</th>`);
    parts.push("</tr></thead><tbody>");
    for (const r of t.rows) {
      parts.push(`<tr><td>${escapeHtml(r.label)}</td>`);
      for (const c of t.columns) parts.push(`<td class="n">${num(r.values[c.key] ?? 0)}</td>`);
      parts.push("</tr>");
    }
    parts.push('<tr class="total"><td>Tổng cộng</td>');
    for (const c of t.columns) parts.push(`<td class="n">${num(t.total[c.key] ?? 0)}</td>`);
    parts.push("</tr></tbody></table>");
    if (t.note) parts.push(`<p class="note">Ghi chú: ${escapeHtml(t.note)}</p>`);
  }
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportTitle(report))}</title><style>${STYLE}</style></head>
<body>${parts.join("\n")}</body></html>
`;
}
