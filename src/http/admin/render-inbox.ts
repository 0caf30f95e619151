import { topicLabel } from "../../content/index.js";
import type { InboxView } from "../../curation/index.js";
import type { StaffSession } from "../../escalation/index.js";
import { csrfField, html } from "../console/index.js";
import { vnTime } from "./admin-labels.js";
import { renderAdminPage } from "./render-admin-page.js";

const KIND_LABELS: Readonly<Record<string, string>> = {
  choices: "đưa ra lựa chọn",
  fallback: "không hiểu",
};

/** The unanswered inbox: groups of similar questions with counts, dates and samples, and 👎 answers. */
export function renderInbox(page: {
  readonly session: StaffSession;
  readonly inbox: InboxView;
  readonly faqIds: readonly string[];
  readonly notice?: string;
  readonly orgName?: string;
}): string {
  const { session, inbox } = page;
  const groups = inbox.groups.map(
    (g) => html`<li class="card group" data-group="${g.id}">
      <h2>${g.question}</h2>
      ${g.questionHint ? html`<p class="hint">Trợ lý đã hiểu là: <q>${g.questionHint}</q></p>` : ""}
      <p class="meta">${g.count} lượt hỏi · từ ${vnTime(g.firstAt)} đến ${vnTime(g.lastAt)}${
        g.topic ? ` · ${topicLabel(g.topic)}` : ""
      } · ${Object.entries(g.kinds)
        .map(([k, n]) => `${KIND_LABELS[k] ?? k}: ${n}`)
        .join(", ")}</p>
      ${g.samples.length > 1 ? html`<ul class="samples">${g.samples.map((s) => html`<li>${s}</li>`)}</ul>` : ""}
      <div class="actions">
        <form method="post" action="/admin/inbox/${g.id}/variant" class="inline">
          ${csrfField(session)}
          <label for="faq-${g.id}">Thêm làm cách hỏi của câu hỏi mẫu (mã)</label>
          <input id="faq-${g.id}" name="faqId" list="faq-ids" required maxlength="120">
          <button type="submit">Thêm làm cách hỏi khác</button>
        </form>
        <form method="post" action="/admin/inbox/${g.id}/draft" class="inline">
          ${csrfField(session)}<button type="submit">Soạn câu hỏi mẫu mới</button>
        </form>
        <form method="post" action="/admin/inbox/${g.id}/dismiss" class="inline">
          ${csrfField(session)}<button type="submit" class="link">Bỏ qua</button>
        </form>
      </div>
    </li>`,
  );
  const downvoted = inbox.downvoted.map((d) => {
    const reasons = d.reasons.length ? html`<ul>${d.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : "";
    const when = `(${vnTime(d.firstAt)} – ${vnTime(d.lastAt)})`;
    const link = html`<a href="/admin/faqs/${d.faqId}">${d.faqId}</a>`;
    return html`<li>${link}: ${d.count} lượt "chưa đúng ý" ${when}${reasons}</li>`;
  });
  const catchingUp = inbox.catchingUp
    ? html`<p class="notice" role="status">Đang đọc thêm câu hỏi mới gửi đến; tải lại trang sau ít giây để xem đủ.</p>`
    : "";
  const dropped = inbox.dropped
    ? html`<p class="meta">${inbox.dropped} câu hỏi chỉ được hỏi một lần đã không giữ lại,
      để hộp thư không quá lớn.</p>`
    : "";
  return renderAdminPage({
    title: "Câu hỏi chưa trả lời được",
    session,
    orgName: page.orgName,
    section: "inbox",
    body: html`<h1>Câu hỏi chưa trả lời được</h1>
      ${page.notice ? html`<p class="notice" role="status">${page.notice}</p>` : ""}
      <p>Câu hỏi người dân gửi mà trợ lý chỉ đưa ra lựa chọn hoặc không hiểu, gom theo nội dung giống nhau
        (đã xóa số điện thoại, số giấy tờ).</p>
      ${catchingUp}
      ${dropped}
      <datalist id="faq-ids">${page.faqIds.map((id) => html`<option value="${id}">`)}</datalist>
      ${
        groups.length
          ? html`<ol class="groups">${groups}</ol>`
          : html`<p class="notice">Không còn câu hỏi nào chờ xử lý.</p>`
      }
      <h2>Câu trả lời bị đánh giá "chưa đúng ý"</h2>
      ${downvoted.length ? html`<ul>${downvoted}</ul>` : html`<p>Chưa có.</p>`}`,
  });
}
