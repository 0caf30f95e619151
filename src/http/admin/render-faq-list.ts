import { AUDIENCES, FAQ_STATUSES, TOPICS, topicLabel } from "../../content/index.js";
import type { FaqCatalog } from "../../curation/index.js";
import type { StaffSession } from "../../escalation/index.js";
import { filterSelect, flag, html, type SafeHtml } from "../console/index.js";
import { AUDIENCE_LABELS, STATE_LABELS } from "./admin-labels.js";
import type { FaqListQuery } from "./admin-schemas.js";
import { faqTitle } from "./faq-title.js";
import { renderAdminPage } from "./render-admin-page.js";

function check(name: string, label: string, on: boolean): SafeHtml {
  return html`<div class="field check">
    <input type="checkbox" id="f-${name}" name="${name}" value="1"${flag("checked", on)}>
    <label for="f-${name}">${label}</label></div>`;
}

/** The FAQ list: counts, search and filters, one row per FAQ with its state, review date and 👍/👎. */
export function renderFaqList(page: {
  readonly session: StaffSession;
  readonly catalog: FaqCatalog;
  readonly query: FaqListQuery;
  readonly orgName?: string;
}): string {
  const { catalog, query } = page;
  const { counts } = catalog;
  const rows = catalog.rows.map(
    (r) => html`<tr>
      <td data-label="Câu hỏi">${faqTitle(r.faq)}</td>
      <td data-label="Chủ đề">${topicLabel(r.faq.topic)}</td>
      <td data-label="Trạng thái"><span class="badge st-${r.state}">${STATE_LABELS[r.state]}</span>${
        r.liveStatus ? html`<br><small class="meta">Bản đang dùng: ${STATE_LABELS[r.liveStatus]}</small>` : ""
      }</td>
      <td data-label="Hạn rà soát">${r.faq.reviewDue}${r.due ? html` <strong class="late">Đến hạn</strong>` : ""}</td>
      <td data-label="Đánh giá">Hữu ích ${r.satisfaction?.up ?? 0} · Chưa đúng ý ${r.satisfaction?.down ?? 0}${
        r.low ? html` <strong class="late">Ít hài lòng</strong>` : ""
      }</td>
    </tr>`,
  );
  const body = html`<h1>Câu hỏi mẫu</h1>
    <ul class="counts" aria-label="Số câu hỏi mẫu">
      <li>Tổng: <strong>${counts.total}</strong></li>
      ${FAQ_STATUSES.map((s) => html`<li>${STATE_LABELS[s]}: <strong>${counts.byState[s]}</strong></li>`)}
      <li class="${counts.due ? "late" : ""}">Đến hạn rà soát: <strong>${counts.due}</strong></li>
      <li>Ít hài lòng: <strong>${counts.low}</strong></li>
    </ul>
    <form method="get" action="/admin/faqs" class="filters" aria-label="Tìm và lọc câu hỏi mẫu">
      <div class="field"><label for="f-text">Tìm</label>
        <input id="f-text" name="text" type="search" maxlength="200" value="${query.text ?? ""}"></div>
      ${filterSelect(
        "topic",
        "Chủ đề",
        TOPICS.map((t) => [t.id, t.label] as const),
        query.topic,
      )}
      ${filterSelect(
        "status",
        "Trạng thái",
        FAQ_STATUSES.map((s) => [s, STATE_LABELS[s]] as const),
        query.status,
      )}
      ${filterSelect(
        "audience",
        "Đối tượng",
        AUDIENCES.map((a) => [a, AUDIENCE_LABELS[a] ?? a] as const),
        query.audience,
      )}
      ${check("due", "Đến hạn rà soát", query.due)}
      ${check("low", "Ít hài lòng (từ 2 lượt chưa đúng ý)", query.low)}
      <button type="submit">Lọc</button>
    </form>
    <p>Đang hiện <strong>${catalog.rows.length}</strong> câu hỏi mẫu.</p>
    ${
      catalog.rows.length
        ? html`<table class="faqs">
      <thead><tr><th>Câu hỏi</th><th>Chủ đề</th><th>Trạng thái</th><th>Hạn rà soát</th>
        <th>Đánh giá của người dân</th></tr></thead>
      <tbody>${rows}</tbody></table>`
        : html`<p class="notice">Không có câu hỏi mẫu nào khớp.</p>`
    }`;
  return renderAdminPage({
    title: "Câu hỏi mẫu",
    session: page.session,
    orgName: page.orgName,
    section: "faqs",
    body,
  });
}
