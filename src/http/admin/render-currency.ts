import type { FaqRecord } from "../../curation/index.js";
import type { StaffSession } from "../../escalation/index.js";
import { csrfField, html, type SafeHtml } from "../staff/index.js";
import { STATE_LABELS } from "./admin-labels.js";
import { renderAdminPage } from "./render-admin-page.js";

function table(records: readonly FaqRecord[]): SafeHtml {
  return html`<table><thead><tr><th>Câu hỏi</th><th>Trạng thái</th><th>Hạn rà soát</th></tr></thead><tbody>
    ${records.map(
      (
        r,
      ) => html`<tr><td><a href="/admin/faqs/${r.faq.id}">${r.faq.question}</a><br><small class="meta">${r.faq.id}</small></td>
        <td>${STATE_LABELS[r.faq.status]}</td><td>${r.faq.reviewDue}</td></tr>`,
    )}</tbody></table>`;
}

/** Currency: FAQs due for review, FAQs citing a document, and marking a document amended. */
export function renderCurrency(page: {
  readonly session: StaffSession;
  readonly due: readonly FaqRecord[];
  readonly document?: string;
  readonly citing: readonly FaqRecord[];
  readonly flagged?: readonly string[];
  readonly error?: string;
  readonly orgName?: string;
}): string {
  const { session } = page;
  return renderAdminPage({
    title: "Rà soát văn bản pháp luật",
    session,
    orgName: page.orgName,
    section: "currency",
    body: html`<h1>Rà soát văn bản pháp luật</h1>
      ${page.error ? html`<p class="error" role="alert">${page.error}</p>` : ""}
      ${
        page.flagged
          ? html`<p class="notice" role="status">Đã đánh dấu ${page.flagged.length} câu hỏi mẫu cần rà soát${
              page.flagged.length ? `: ${page.flagged.join(", ")}` : ""
            }.</p>`
          : ""
      }
      <h2>Đến hạn rà soát (${page.due.length})</h2>
      ${page.due.length ? table(page.due) : html`<p>Không có câu hỏi mẫu nào quá hạn rà soát.</p>`}
      <h2>Tìm theo văn bản</h2>
      <form method="get" action="/admin/currency" class="filters">
        <div class="field"><label for="doc">Số hiệu hoặc tên văn bản</label>
          <input id="doc" name="document" maxlength="200" value="${page.document ?? ""}" placeholder="52/2014/QH13"></div>
        <button type="submit">Tìm</button>
      </form>
      ${
        page.document
          ? html`<h3>Câu hỏi mẫu trích dẫn "${page.document}" (${page.citing.length})</h3>
        ${page.citing.length ? table(page.citing) : html`<p>Không có câu hỏi mẫu nào trích dẫn văn bản này.</p>`}`
          : ""
      }
      <h2>Đánh dấu văn bản đã sửa đổi</h2>
      <p>Mọi câu hỏi mẫu trích dẫn văn bản này sẽ được đưa vào danh sách cần rà soát ngay hôm nay.</p>
      <form method="post" action="/admin/currency/amended" class="card narrow">
        ${csrfField(session)}
        <label for="amended-doc">Số hiệu hoặc tên văn bản</label>
        <input id="amended-doc" name="document" required maxlength="200" value="${page.document ?? ""}">
        <label for="amended-note">Ghi chú (văn bản sửa đổi, ngày hiệu lực…)</label>
        <input id="amended-note" name="note" maxlength="500">
        <button type="submit">Đánh dấu văn bản đã sửa đổi</button>
      </form>`,
  });
}
