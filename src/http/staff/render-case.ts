import { topicLabel } from "../../content/index.js";
import {
  type CaseView,
  caseOutcomeSchema,
  ELIGIBILITY_QUESTIONS,
  eligibilityGroupSchema,
  type StaffSession,
} from "../../escalation/index.js";
import { csrfField, html, renderLayout, type SafeHtml } from "../console/index.js";
import { type CannedReplyOrg, cannedReplies } from "./canned-replies.js";
import {
  AUDIT_LABELS,
  actorLabel,
  auditDetail,
  CONTACT_LABELS,
  channelLabel,
  DELIVERY_LABELS,
  ELIGIBILITY_LABELS,
  OUTCOME_LABELS,
  reasonLabel,
  STATUS_LABELS,
  TURN_LABELS,
  vnTime,
} from "./staff-labels.js";

/** Fixed notices after an action (the query carries only the code, never text). */
export const CASE_NOTICES = {
  claimed: "Bạn đã nhận hồ sơ này.",
  replied: "Đã ghi nhận câu trả lời và xếp vào hàng gửi cho người dân.",
  "replied-outside-window":
    "Đã ghi lại câu trả lời nhưng chưa gửi được: quá thời hạn nhắn Zalo. Vui lòng gọi điện.",
  noted: "Đã lưu ghi chú nội bộ.",
  transferred: "Đã chuyển hồ sơ.",
  closed: "Đã đóng hồ sơ và gửi câu hỏi chấm điểm cho người dân.",
} as const;
export type CaseNotice = keyof typeof CASE_NOTICES;

function postForm(
  session: StaffSession,
  id: string,
  action: string,
  fields: SafeHtml,
  button: string,
): SafeHtml {
  return html`<form method="post" action="/staff/cases/${id}/${action}" class="card">
    ${csrfField(session)}${fields}
    <button type="submit">${button}</button>
  </form>`;
}

/** The case page: actions and the conversation with the citizen first, then facts, transcript and audit. */
export function renderCase(page: {
  readonly session: StaffSession;
  readonly view: CaseView;
  readonly colleagues: readonly string[];
  readonly notice?: CaseNotice;
  readonly orgName?: string;
  readonly org?: CannedReplyOrg;
}): string {
  const { session, view } = page;
  const c = view.case;
  const overdue =
    c.status !== "closed" && !c.firstResponseAt && Date.parse(c.firstResponseDueAt) < Date.now();
  const answers = eligibilityGroupSchema.options
    .filter((g) => c.eligibility.answers[g] !== undefined)
    .map(
      (g) =>
        html`<li>${ELIGIBILITY_QUESTIONS[g]} <strong>${c.eligibility.answers[g] ? "Có" : "Không"}</strong></li>`,
    );
  const transcript = c.transcript.map(
    (
      t,
    ) => html`<li class="turn t-${t.role}"><span class="meta">${TURN_LABELS[t.role]} · ${vnTime(t.at)}</span>
      <p class="text">${t.text}</p></li>`,
  );
  const thread = c.notes.map((n) => {
    const state = n.delivery ? view.deliveries[n.delivery] : undefined;
    const who =
      n.kind === "citizen"
        ? "Người dân"
        : n.kind === "reply"
          ? `Cán bộ ${n.by} trả lời`
          : `Ghi chú nội bộ · ${n.by}`;
    return html`<li class="note n-${n.kind}"><span class="meta">${who} · ${vnTime(n.at)}${
      state ? html` · <span class="badge d-${state}">${DELIVERY_LABELS[state]}</span>` : ""
    }</span><p class="text">${n.text}</p></li>`;
  });
  const others = page.colleagues.filter((u) => u !== c.claimedBy);
  const actions = html`
    ${view.can.claim ? postForm(session, c.id, "claim", html``, "Nhận hồ sơ này") : ""}
    ${
      view.can.close
        ? postForm(
            session,
            c.id,
            "close",
            html`<label for="outcome">Kết quả xử lý</label>
              <select id="outcome" name="outcome" required><option value="">Chọn kết quả</option>
              ${caseOutcomeSchema.options.map((o) => html`<option value="${o}">${OUTCOME_LABELS[o]}</option>`)}</select>`,
            "Đóng hồ sơ",
          )
        : ""
    }
    ${
      view.can.transfer && others.length
        ? postForm(
            session,
            c.id,
            "transfer",
            html`<label for="to">Chuyển cho cán bộ</label>
              <select id="to" name="to" required><option value="">Chọn cán bộ</option>
              ${others.map((u) => html`<option value="${u}">${u}</option>`)}</select>`,
            "Chuyển hồ sơ",
          )
        : ""
    }`;
  const canned = cannedReplies(page.org);
  const replyForm = view.can.reply
    ? html`<form method="post" action="/staff/cases/${c.id}/reply" class="card reply-form" id="reply-form">
        ${csrfField(session)}
        <label for="reply">Trả lời người dân (gửi qua ${channelLabel(c.channel)})</label>
        <div class="reply-tools">
          <label for="canned" class="sr-only">Câu trả lời mẫu</label>
          <select id="canned" data-insert-select="reply"><option value="">Chèn câu trả lời mẫu…</option>
            ${canned.map((r) => html`<option value="${r.text}">${r.label}</option>`)}</select>
          ${
            c.shownFaqIds.length
              ? html`<span class="faq-insert">Chèn câu trả lời của câu hỏi mẫu:
              ${c.shownFaqIds.map((f) => html`<button type="button" class="link" data-insert-faq="${f}" data-target="reply">${f}</button>`)}</span>`
              : ""
          }
        </div>
        <textarea id="reply" name="text" rows="4" maxlength="4000" required></textarea>
        <button type="submit">Gửi trả lời</button>
      </form>`
    : "";
  const noteForm = view.can.note
    ? html`<details class="card"><summary>Ghi chú nội bộ (người dân không thấy)</summary>
        ${postForm(
          session,
          c.id,
          "note",
          html`<label for="note">Ghi chú</label>
            <textarea id="note" name="text" rows="3" maxlength="4000" required></textarea>`,
          "Lưu ghi chú",
        )}</details>`
    : "";
  const body = html`<p><a href="/staff/cases">← Hàng chờ</a></p>
    <h1>Hồ sơ ${c.id}</h1>
    ${page.notice ? html`<p class="notice" role="status">${CASE_NOTICES[page.notice]}</p>` : ""}
    ${c.anonymizedAt ? html`<p class="notice" role="status">Dữ liệu cá nhân của hồ sơ này đã được xóa (${vnTime(c.anonymizedAt)}).</p>` : ""}
    <div id="case-head" data-live class="case-head">
      <p><span class="badge s-${c.status}">${STATUS_LABELS[c.status]}</span>${c.outcome ? html` · ${OUTCOME_LABELS[c.outcome]}` : ""}
        · Cán bộ giữ: <strong>${c.claimedBy ?? "Chưa có"}</strong>
        · Hạn trả lời đầu tiên: ${vnTime(c.firstResponseDueAt)}${overdue ? html` <strong class="late">Quá hạn</strong>` : ""}
        · ${channelLabel(c.channel)} · ${CONTACT_LABELS[c.contactPreference]}${c.phone ? html` · <a href="tel:${c.phone}">${c.phone}</a>` : ""}
        ${c.rating ? html` · Người dân chấm <strong>${c.rating}/5</strong>` : ""}</p>
      ${view.chatOpen ? "" : html`<p class="warn" role="note">${view.chatNote ?? ""}${c.phone ? html` (${c.phone})` : ""}</p>`}
      <div class="actions" aria-label="Xử lý">${actions}</div>
    </div>
    <section aria-labelledby="h-thread" class="conversation"><h2 id="h-thread">Trao đổi với người dân <small class="live-state" aria-live="polite"></small></h2>
      <div id="thread" data-live>
        ${thread.length ? html`<ol class="notes thread" aria-label="Tin nhắn và ghi chú">${thread}</ol>` : html`<p>Chưa có tin nhắn nào sau khi gửi hồ sơ.</p>`}
      </div>
      ${replyForm}
      ${noteForm}
      ${
        session.role === "admin" && c.status === "closed" && c.notes.some((n) => n.kind === "reply")
          ? html`<p><a href="/admin/faqs/new?fromCase=${c.id}">Tạo câu hỏi mẫu từ trả lời này</a></p>`
          : ""
      }
    </section>
    <section aria-labelledby="h-desc"><h2 id="h-desc">Người dân mô tả</h2><p class="text">${c.description}</p>
      <dl class="facts">
        <dt>Chủ đề</dt><dd>${topicLabel(c.topic)}</dd>
        <dt>Lý do chuyển cán bộ</dt><dd>${reasonLabel(c.reason)}</dd>
        <dt>Xã/phường</dt><dd>${c.commune}</dd>
        <dt>Tạo lúc</dt><dd>${vnTime(c.createdAt)}</dd>
      </dl>
    </section>
    <section aria-labelledby="h-elig"><h2 id="h-elig">Sàng lọc diện trợ giúp pháp lý</h2>
      <p><strong>${ELIGIBILITY_LABELS[c.eligibility.result]}</strong> <small>(chỉ là gợi ý, không phải quyết định)</small></p>
      ${answers.length ? html`<ul>${answers}</ul>` : html`<p>Không có câu trả lời sàng lọc.</p>`}
    </section>
    <section aria-labelledby="h-faq"><h2 id="h-faq">Câu hỏi đáp trợ lý đã đưa</h2>
      ${c.shownFaqIds.length ? html`<ul>${c.shownFaqIds.map((f) => html`<li><a href="/api/v1/faqs/${encodeURIComponent(f)}">${f}</a></li>`)}</ul>` : html`<p>Không có.</p>`}
    </section>
    <details class="card transcript-box"><summary>Hội thoại với trợ lý từ khi xin gặp cán bộ (${c.transcript.length} tin)</summary>
      ${transcript.length ? html`<ol class="transcript">${transcript}</ol>` : html`<p>Không có.</p>`}
    </details>
    ${
      view.audit?.length
        ? html`<details class="card"><summary>Nhật ký (${view.audit.length})</summary><ol class="audit">
        ${view.audit.map((e) => html`<li>${vnTime(e.at)} · ${actorLabel(e.by)} · ${AUDIT_LABELS[e.action]}${e.detail ? html` (${auditDetail(e.detail)})` : ""}</li>`)}
      </ol></details>`
        : ""
    }`;
  return renderLayout({
    title: `Hồ sơ ${c.id}`,
    session,
    orgName: page.orgName,
    body,
    live: true,
    caseId: c.id,
  });
}
