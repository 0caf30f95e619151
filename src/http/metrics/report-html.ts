import {
  type Report,
  type ReportTable,
  reportPeriod,
  reportTitle,
  summaryLines,
  vietnameseDate,
} from "../../metrics/index.js";
import { html, SafeHtml } from "../console/index.js";

const num = (v: number | null) => (v === null ? "—" : v.toLocaleString("vi-VN"));

const STYLE = new SafeHtml(`
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
`);

/** The summary table and every report table, as HTML (every text escaped). */
export function reportTablesHtml(report: Report, headingLevel: "h2" | "h3" = "h2"): SafeHtml {
  const heading = (text: string) => (headingLevel === "h2" ? html`<h2>${text}</h2>` : html`<h3>${text}</h3>`);
  const summary = summaryLines(report).map(
    (s) => html`<tr><td>${s.label}</td><td class="n">${num(s.value)}</td></tr>`,
  );
  const table = (t: ReportTable) => html`${heading(t.title)}
<table><thead><tr><th scope="col">Mục</th>${t.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody>${t.rows.map(
    (r) =>
      html`<tr><td>${r.label}</td>${t.columns.map((c) => html`<td class="n">${num(r.values[c.key] ?? 0)}</td>`)}</tr>`,
  )}
<tr class="total"><td>Tổng cộng</td>${t.columns.map((c) => html`<td class="n">${num(t.total[c.key] ?? 0)}</td>`)}</tr>
</tbody></table>${t.note ? html`<p class="note">Ghi chú: ${t.note}</p>` : ""}`;
  return html`${heading("Tổng hợp")}
<table><thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Số liệu</th></tr></thead>
<tbody>${summary}</tbody></table>
${report.tables.map(table)}`;
}

/** The report as a standalone printable page (no scripts; every text escaped). */
export function reportToHtml(report: Report, options: { orgName?: string } = {}): string {
  const issued = vietnameseDate(report.generatedAt.slice(0, 10));
  return `<!doctype html>\n${html`<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${reportTitle(report)}</title><style>${STYLE}</style></head>
<body>${options.orgName ? html`<p class="org">${options.orgName}</p>` : ""}
<h1>${reportTitle(report)}</h1>
<p class="meta">${reportPeriod(report)} · Lập ngày ${issued}</p>
${reportTablesHtml(report)}
</body></html>
`}`;
}
