import { basisName, ENDING_WITHIN_DAYS } from "../../content/index.js";
import type { EndingCitation, FaqRecord } from "../../curation/index.js";
import type { StaffSession } from "../../escalation/index.js";
import { csrfField, html, type SafeHtml } from "../console/index.js";
import { STATE_LABELS } from "./admin-labels.js";
import { faqTitle } from "./faq-title.js";
import { renderAdminPage } from "./render-admin-page.js";

function table(records: readonly FaqRecord[]): SafeHtml {
  const rows = records.map(
    (r) => html`<tr><td>${faqTitle(r.faq)}</td>
        <td>${STATE_LABELS[r.faq.status]}</td><td>${r.faq.reviewDue}</td></tr>`,
  );
  return html`<table><thead><tr><th>Câu hỏi</th><th>Trạng thái</th><th>Hạn rà soát</th></tr></thead><tbody>
    ${rows}</tbody></table>`;
}

const vnDate = (iso: string) => iso.split("-").reverse().join("/");

/** A row of the ending table: the FAQ, the cited document and what it was checked against, its end, its review. */
function endingRow(r: EndingCitation): SafeHtml {
  const checked = r.basis.verifiedAgainst
    ? html`<br><small class="meta">Đã đối chiếu: ${r.basis.verifiedAgainst}</small>`
    : "";
  const ending = r.past ? "Đã hết hiệu lực" : "Sắp hết hiệu lực";
  return html`<tr><td>${faqTitle(r.record.faq)}</td>
        <td>${basisName(r.basis)}${checked}</td>
        <td>${vnDate(r.basis.effectiveUntil)} <strong class="late">${ending}</strong></td>
        <td>${vnDate(r.record.faq.reviewDue)}</td></tr>`;
}

function endingTable(rows: readonly EndingCitation[]): SafeHtml {
  return html`<table id="ending"><thead><tr><th>Câu hỏi</th><th>Văn bản được trích dẫn</th>
    <th>Hết hiệu lực sau ngày</th><th>Hạn rà soát</th></tr></thead><tbody>
    ${rows.map(endingRow)}</tbody></table>`;
}

function reviewList(records: readonly FaqRecord[]): SafeHtml {
  return html`<ul class="legal-review" id="legal-review">${records.map(
    (r) => html`<li><a href="/admin/faqs/${r.faq.id}">${r.faq.question}</a> <small class="meta">${r.faq.id}${
      r.faq.verifiedAt ? ` · kiểm tra số liệu ${vnDate(r.faq.verifiedAt)}` : ""
    }</small>
      <ul>${r.faq.needsLegalReview.map((claim) => html`<li>${claim}</li>`)}</ul></li>`,
  )}</ul>`;
}

/** Currency: FAQs due for review, FAQs citing a document, and marking a document amended. */
export function renderCurrency(page: {
  readonly session: StaffSession;
  readonly due: readonly FaqRecord[];
  /** Cited documents ended or ending within 90 days. */
  readonly ending: readonly EndingCitation[];
  /** FAQs with claims that could not be checked. */
  readonly legalReview: readonly FaqRecord[];
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
      <h2>Văn bản đã hoặc sắp hết hiệu lực (trong ${ENDING_WITHIN_DAYS} ngày) (${page.ending.length})</h2>
      ${
        page.ending.length
          ? html`<p>Câu trả lời dựa trên các văn bản này cần được rà soát và sửa trước ngày văn bản hết hiệu lực.</p>
            ${endingTable(page.ending)}`
          : html`<p>Không có câu hỏi mẫu nào trích dẫn văn bản đã hoặc sắp hết hiệu lực.</p>`
      }
      <h2>Nội dung chưa kiểm chứng, cần cán bộ pháp chế xem (${page.legalReview.length})</h2>
      ${
        page.legalReview.length
          ? html`<p>Những ý dưới đây chưa đối chiếu được với văn bản; câu trả lời đã nói ít đi ở các điểm này.</p>
            ${reviewList(page.legalReview)}`
          : html`<p>Không có nội dung nào đang chờ kiểm chứng.</p>`
      }
      <h2>Tìm theo văn bản</h2>
      <form method="get" action="/admin/currency" class="filters">
        <div class="field"><label for="doc">Số hiệu hoặc tên văn bản</label>
          <input id="doc" name="document" maxlength="200" value="${page.document ?? ""}"
            placeholder="52/2014/QH13"></div>
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
