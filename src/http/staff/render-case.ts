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

type LegalAidCase = CaseView["case"];
type CaseNote = LegalAidCase["notes"][number];

/** Who wrote a note of the thread, as the thread says it. */
function noteAuthor(note: CaseNote): string {
  if (note.kind === "citizen") return "Người dân";
  if (note.kind === "reply") return `Cán bộ ${note.by} trả lời`;
  return `Ghi chú nội bộ · ${note.by}`;
}

/** One message or note of the thread, with the delivery state of a staff reply. */
function threadItem(note: CaseNote, view: CaseView): SafeHtml {
  const state = note.delivery ? view.deliveries[note.delivery] : undefined;
  const delivery = state ? html` · <span class="badge d-${state}">${DELIVERY_LABELS[state]}</span>` : "";
  const meta = html`${noteAuthor(note)} · ${vnTime(note.at)}${delivery}`;
  return html`<li class="note n-${note.kind}"><span class="meta">${meta}</span>
    <p class="text">${note.text}</p></li>`;
}

/** Claim, close (with the outcome) and transfer (to a colleague), as this viewer may. */
function caseActions(session: StaffSession, view: CaseView, colleagues: readonly string[]): SafeHtml {
  const c = view.case;
  const others = colleagues.filter((u) => u !== c.claimedBy);
  const outcomes = caseOutcomeSchema.options.map(
    (o) => html`<option value="${o}">${OUTCOME_LABELS[o]}</option>`,
  );
  const close = html`<label for="outcome">Kết quả xử lý</label>
              <select id="outcome" name="outcome" required><option value="">Chọn kết quả</option>
              ${outcomes}</select>`;
  const transfer = html`<label for="to">Chuyển cho cán bộ</label>
              <select id="to" name="to" required><option value="">Chọn cán bộ</option>
              ${others.map((u) => html`<option value="${u}">${u}</option>`)}</select>`;
  return html`
    ${view.can.claim ? postForm(session, c.id, "claim", html``, "Nhận hồ sơ này") : ""}
    ${view.can.close ? postForm(session, c.id, "close", close, "Đóng hồ sơ") : ""}
    ${view.can.transfer && others.length ? postForm(session, c.id, "transfer", transfer, "Chuyển hồ sơ") : ""}`;
}

/** Buttons that put the answer of a FAQ the assistant showed into the reply. */
function faqInsertButtons(faqIds: readonly string[]): SafeHtml | "" {
  if (!faqIds.length) return "";
  const buttons = faqIds.map(
    (f) => html`<button type="button" class="link" data-insert-faq="${f}" data-target="reply">${f}</button>`,
  );
  return html`<span class="faq-insert">Chèn câu trả lời của câu hỏi mẫu:
              ${buttons}</span>`;
}

/** The reply to the citizen, with canned replies and the shown FAQs to insert. */
function replyForm(session: StaffSession, c: LegalAidCase, org: CannedReplyOrg | undefined): SafeHtml {
  const canned = cannedReplies(org).map((r) => html`<option value="${r.text}">${r.label}</option>`);
  return html`<form method="post" action="/staff/cases/${c.id}/reply" class="card reply-form" id="reply-form">
        ${csrfField(session)}
        <label for="reply">Trả lời người dân (gửi qua ${channelLabel(c.channel)})</label>
        <div class="reply-tools">
          <label for="canned" class="sr-only">Câu trả lời mẫu</label>
          <select id="canned" data-insert-select="reply"><option value="">Chèn câu trả lời mẫu…</option>
            ${canned}</select>
          ${faqInsertButtons(c.shownFaqIds)}
        </div>
        <textarea id="reply" name="text" rows="4" maxlength="4000" required></textarea>
        <button type="submit">Gửi trả lời</button>
      </form>`;
}

/** An internal note, folded away (the citizen never sees it). */
function noteForm(session: StaffSession, c: LegalAidCase): SafeHtml {
  const fields = html`<label for="note">Ghi chú</label>
            <textarea id="note" name="text" rows="3" maxlength="4000" required></textarea>`;
  return html`<details class="card"><summary>Ghi chú nội bộ (người dân không thấy)</summary>
        ${postForm(session, c.id, "note", fields, "Lưu ghi chú")}</details>`;
}

/** The live head of the case: status, holder, deadline, channel and contact, how to reach the citizen, actions. */
function caseHead(page: CasePage): SafeHtml {
  const { view } = page;
  const c = view.case;
  const overdue =
    c.status !== "closed" && !c.firstResponseAt && Date.parse(c.firstResponseDueAt) < Date.now();
  const outcome = c.outcome ? html` · ${OUTCOME_LABELS[c.outcome]}` : "";
  const late = overdue ? html` <strong class="late">Quá hạn</strong>` : "";
  const phone = c.phone ? html` · <a href="tel:${c.phone}">${c.phone}</a>` : "";
  const chatNote = view.chatOpen
    ? ""
    : html`<p class="warn" role="note">${view.chatNote ?? ""}${c.phone ? html` (${c.phone})` : ""}</p>`;
  return html`<div id="case-head" data-live class="case-head">
      <p><span class="badge s-${c.status}">${STATUS_LABELS[c.status]}</span>${outcome}
        · Cán bộ giữ: <strong>${c.claimedBy ?? "Chưa có"}</strong>
        · Hạn trả lời đầu tiên: ${vnTime(c.firstResponseDueAt)}${late}
        · ${channelLabel(c.channel)} · ${CONTACT_LABELS[c.contactPreference]}${phone}
        ${c.rating ? html` · Người dân chấm <strong>${c.rating}/5</strong>` : ""}</p>
      ${chatNote}
      <div class="actions" aria-label="Xử lý">${caseActions(page.session, view, page.colleagues)}</div>
    </div>`;
}

/** The conversation with the citizen: the thread, the reply and note forms, a FAQ draft for admins. */
function conversation(page: CasePage): SafeHtml {
  const { session, view } = page;
  const c = view.case;
  const thread = c.notes.map((n) => threadItem(n, view));
  const draftLink =
    session.role === "admin" && c.status === "closed" && c.notes.some((n) => n.kind === "reply")
      ? html`<p><a href="/admin/faqs/new?fromCase=${c.id}">Tạo câu hỏi mẫu từ trả lời này</a></p>`
      : "";
  return html`<section aria-labelledby="h-thread" class="conversation">
      <h2 id="h-thread">Trao đổi với người dân <small class="live-state" aria-live="polite"></small></h2>
      <div id="thread" data-live>
        ${
          thread.length
            ? html`<ol class="notes thread" aria-label="Tin nhắn và ghi chú">${thread}</ol>`
            : html`<p>Chưa có tin nhắn nào sau khi gửi hồ sơ.</p>`
        }
      </div>
      ${view.can.reply ? replyForm(session, c, page.org) : ""}
      ${view.can.note ? noteForm(session, c) : ""}
      ${draftLink}
    </section>`;
}

/** The screening answers, each with the citizen's yes or no. */
function eligibilityAnswers(c: LegalAidCase): SafeHtml {
  const answers = eligibilityGroupSchema.options
    .filter((g) => c.eligibility.answers[g] !== undefined)
    .map(
      (g) =>
        html`<li>${ELIGIBILITY_QUESTIONS[g]} <strong>${c.eligibility.answers[g] ? "Có" : "Không"}</strong></li>`,
    );
  return answers.length ? html`<ul>${answers}</ul>` : html`<p>Không có câu trả lời sàng lọc.</p>`;
}

/** The FAQs the assistant showed the citizen, each linked to its API view. */
function shownFaqs(faqIds: readonly string[]): SafeHtml {
  if (!faqIds.length) return html`<p>Không có.</p>`;
  return html`<ul>${faqIds.map((f) => html`<li><a href="/api/v1/faqs/${encodeURIComponent(f)}">${f}</a></li>`)}</ul>`;
}

/** The conversation with the assistant before the hand-off, folded away. */
function transcriptBox(c: LegalAidCase): SafeHtml {
  const turns = c.transcript.map(
    (
      t,
    ) => html`<li class="turn t-${t.role}"><span class="meta">${TURN_LABELS[t.role]} · ${vnTime(t.at)}</span>
      <p class="text">${t.text}</p></li>`,
  );
  return html`<details class="card transcript-box">
      <summary>Hội thoại với trợ lý từ khi xin gặp cán bộ (${c.transcript.length} tin)</summary>
      ${turns.length ? html`<ol class="transcript">${turns}</ol>` : html`<p>Không có.</p>`}
    </details>`;
}

/** Who did what to the case, folded away; nothing when the viewer may not see it. */
function auditLog(view: CaseView): SafeHtml | "" {
  if (!view.audit?.length) return "";
  const entries = view.audit.map((e) => {
    const detail = e.detail ? html` (${auditDetail(e.detail)})` : "";
    return html`<li>${vnTime(e.at)} · ${actorLabel(e.by)} · ${AUDIT_LABELS[e.action]}${detail}</li>`;
  });
  return html`<details class="card"><summary>Nhật ký (${view.audit.length})</summary><ol class="audit">
        ${entries}
      </ol></details>`;
}

/** What the case page shows. */
interface CasePage {
  readonly session: StaffSession;
  readonly view: CaseView;
  readonly colleagues: readonly string[];
  readonly notice?: CaseNotice;
  readonly orgName?: string;
  readonly org?: CannedReplyOrg;
}

/** The case page: actions and the conversation with the citizen first, then facts, transcript and audit. */
export function renderCase(page: CasePage): string {
  const { session, view } = page;
  const c = view.case;
  const anonymized = c.anonymizedAt
    ? html`<p class="notice" role="status">Dữ liệu cá nhân của hồ sơ này đã được xóa (${vnTime(c.anonymizedAt)}).</p>`
    : "";
  const body = html`<p><a href="/staff/cases">← Hàng chờ</a></p>
    <h1>Hồ sơ ${c.id}</h1>
    ${page.notice ? html`<p class="notice" role="status">${CASE_NOTICES[page.notice]}</p>` : ""}
    ${anonymized}
    ${caseHead(page)}
    ${conversation(page)}
    <section aria-labelledby="h-desc"><h2 id="h-desc">Người dân mô tả</h2><p class="text">${c.description}</p>
      <dl class="facts">
        <dt>Chủ đề</dt><dd>${topicLabel(c.topic)}</dd>
        <dt>Lý do chuyển cán bộ</dt><dd>${reasonLabel(c.reason)}</dd>
        <dt>Xã/phường</dt><dd>${c.commune}</dd>
        <dt>Tạo lúc</dt><dd>${vnTime(c.createdAt)}</dd>
      </dl>
    </section>
    <section aria-labelledby="h-elig"><h2 id="h-elig">Sàng lọc diện trợ giúp pháp lý</h2>
      <p><strong>${ELIGIBILITY_LABELS[c.eligibility.result]}</strong>
        <small>(chỉ là gợi ý, không phải quyết định)</small></p>
      ${eligibilityAnswers(c)}
    </section>
    <section aria-labelledby="h-faq"><h2 id="h-faq">Câu hỏi đáp trợ lý đã đưa</h2>
      ${shownFaqs(c.shownFaqIds)}
    </section>
    ${transcriptBox(c)}
    ${auditLog(view)}`;
  return renderLayout({
    title: `Hồ sơ ${c.id}`,
    session,
    orgName: page.orgName,
    body,
    live: true,
    caseId: c.id,
  });
}
