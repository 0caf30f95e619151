import type { StaffSession } from "../../escalation/index.js";
import { type Report, type ReportPreset, reportPeriod, reportTitle } from "../../metrics/index.js";
import { href, html, renderLayout, type SafeHtml } from "../console/index.js";
import { reportTablesHtml } from "./report-html.js";

/** What the report page shows: the presets, the chosen range, and its report (or why there is none). */
export interface ReportPage {
  readonly session: StaffSession;
  readonly orgName?: string;
  readonly presets: readonly ReportPreset[];
  readonly range: { readonly from: string; readonly to: string };
  readonly report?: Report;
  readonly error?: string;
}

const query = (range: { from: string; to: string }, extra = "") =>
  `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}${extra}`;

function downloads(range: { from: string; to: string }): SafeHtml {
  const download = (format: string, extra = "") =>
    href(`/api/v1/admin/reports?${query(range, `&format=${format}${extra}`)}`);
  return html`<section aria-labelledby="dl"><h2 id="dl">Tải báo cáo</h2>
<p class="actions">
  <a class="button" href="${download("xlsx")}" download>Tải Excel (XLSX)</a>
  <a class="button secondary" href="${download("csv")}" download>Tải CSV (Excel tiếng Việt, dấu ;)</a>
  <a class="button secondary" href="${download("csv", "&sep=comma")}" download>Tải CSV (dấu phẩy)</a>
  <a class="button secondary" href="${download("html")}" target="_blank" rel="noopener">Bản để in / lưu PDF</a>
</p>
<p class="meta">Bản để in mở trong thẻ mới; dùng lệnh In của trình duyệt và chọn "Lưu dưới dạng PDF"
  nếu cần tệp PDF.</p>
</section>`;
}

/** A required date input with its label. */
function dateField(name: string, label: string, value: string): SafeHtml {
  return html`<div class="field"><label for="${name}">${label}</label>
    <input type="date" id="${name}" name="${name}" value="${value}" required></div>`;
}

/** The "Báo cáo" page: periods one click away, a custom range, a preview and the downloads. */
export function renderReportPage(page: ReportPage): string {
  const { range, report } = page;
  const presets = page.presets.map((p) => {
    const current = p.from === range.from && p.to === range.to;
    const marker = current ? html` aria-current="true"` : "";
    return html`<li><a href="/staff/reports?${query(p)}"${marker}>${p.label}</a></li>`;
  });
  const body = html`<h1>Báo cáo</h1>
<p>Số liệu tiếp nhận, giải đáp và trợ giúp pháp lý, để gửi Sở Tư pháp định kỳ 6 tháng và hằng năm.</p>
<section aria-labelledby="periods"><h2 id="periods">Chọn kỳ báo cáo</h2>
<ul class="presets">${presets}</ul>
<form method="get" action="/staff/reports" class="filters">
  ${dateField("from", "Từ ngày", range.from)}
  ${dateField("to", "Đến ngày", range.to)}
  <button type="submit">Xem báo cáo</button>
</form>
<p class="meta">Nếu kỳ báo cáo của đơn vị chốt số liệu vào ngày khác, chọn "Từ ngày" và "Đến ngày"
  rồi bấm Xem báo cáo.</p>
</section>
${
  report
    ? html`${downloads(range)}
<section aria-labelledby="preview" class="report-preview"><h2 id="preview">${reportTitle(report)}</h2>
<p class="meta">${reportPeriod(report)}</p>
${reportTablesHtml(report, "h3")}
</section>`
    : html`<p role="alert" class="warn">${page.error ?? "Chưa chọn kỳ báo cáo."}</p>`
}`;
  return renderLayout({ title: "Báo cáo", body, session: page.session, orgName: page.orgName });
}
