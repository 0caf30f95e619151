import type { FaqChanges, FaqView } from "../../curation/index.js";
import type { StaffSession } from "../../escalation/index.js";
import { csrfField, html, type SafeHtml } from "../console/index.js";
import { FIELD_LABELS, STATE_LABELS, vnTime } from "./admin-labels.js";

/** Where an existing FAQ stands, for the workflow panel: the workflow's view, without the records. */
export interface EditorStatus extends Pick<FaqView, "state" | "lastEditor" | "authors" | "amended"> {
  readonly liveStatus?: FaqView["state"];
  readonly pendingRevision: boolean;
  /** What the revision in work changes against the live version (absent for a FAQ never published). */
  readonly changes?: FaqChanges;
}

const FIELD_DIFF_HEAD = html`<thead><tr><th scope="col">Mục</th><th scope="col">Bản đang dùng</th>
  <th scope="col">Bản sửa</th></tr></thead>`;
const ANSWER_DIFF_KEY = html`<p class="meta">Chữ <del>gạch ngang</del> bị bỏ, chữ <ins>gạch chân</ins> được thêm.</p>`;

/** The changed fields side by side, or a line saying nothing else changed. */
function fieldChanges(changes: FaqChanges): SafeHtml {
  if (!changes.fields.length) return html`<p>Các mục khác không đổi.</p>`;
  const list = (lines: readonly string[]) =>
    lines.length ? html`<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>` : html`<em>(trống)</em>`;
  const rows = changes.fields.map(
    (
      c,
    ) => html`<tr><th scope="row">${FIELD_LABELS[c.field] ?? c.field}</th><td class="before">${list(c.before)}</td>
      <td class="after">${list(c.after)}</td></tr>`,
  );
  return html`<table class="field-diff">${FIELD_DIFF_HEAD}<tbody>${rows}</tbody></table>`;
}

/** The answer word by word: removed words struck through, added ones underlined. */
function answerChanges(changes: FaqChanges): SafeHtml {
  if (!changes.answer.length) return html`<p>Câu trả lời không đổi.</p>`;
  const words = changes.answer.map((op) => {
    if (op.kind === "-") return html`<del>${op.line}</del>`;
    if (op.kind === "+") return html`<ins>${op.line}</ins>`;
    return op.line;
  });
  return html`${ANSWER_DIFF_KEY}<div class="answer-diff">${words}</div>`;
}

/** The revision against the live version: changed fields side by side, the answer word by word. */
function changesPanel(changes: FaqChanges): SafeHtml {
  return html`<section class="card changes" aria-labelledby="changes-title">
    <h2 id="changes-title">Thay đổi so với bản đang dùng</h2>
    ${fieldChanges(changes)}
    <h3>Câu trả lời</h3>
    ${answerChanges(changes)}
  </section>`;
}

/** "(time, who: note)" of a cited document marked amended. */
const amendedBy = (amended: NonNullable<EditorStatus["amended"]>) =>
  `(${vnTime(amended.at)}, ${amended.by}${amended.note ? `: ${amended.note}` : ""})`;

/** The facts of the workflow panel: state, live version, editors, an amended document. */
function workflowFacts(status: EditorStatus, liveStatus: FaqView["state"]): SafeHtml {
  const live = status.pendingRevision
    ? html`<dt>Bản đang dùng</dt>
      <dd>${STATE_LABELS[liveStatus]} (người dân vẫn nhận câu trả lời cũ cho đến khi bản sửa được duyệt)</dd>`
    : "";
  const authors = status.authors.length
    ? html`<dt>Đã sửa từ lần duyệt trước</dt><dd>${status.authors.join(", ")}</dd>`
    : "";
  const { amended } = status;
  const amendment = amended
    ? html`<dt>Cần rà soát</dt>
      <dd class="late">Văn bản được trích dẫn đã sửa đổi ${amendedBy(amended)}</dd>`
    : "";
  return html`<dl class="facts">
      <dt>Trạng thái</dt><dd><span class="badge st-${status.state}">${STATE_LABELS[status.state]}</span></dd>
      ${live}
      <dt>Người sửa gần nhất</dt><dd>${status.lastEditor ?? "—"}</dd>
      ${authors}
      ${amendment}
    </dl>`;
}

/** The four-eyes rule, said while the FAQ waits for review (and why this admin sees no approve button). */
function fourEyesNotice(mayApprove: boolean): SafeHtml {
  const rule = html`Nguyên tắc hai người: người đã sửa bản này không tự duyệt được;
    một quản trị viên khác đọc phần thay đổi rồi duyệt.`;
  const yours = mayApprove ? "" : " Bạn đã sửa bản này nên nút duyệt không hiện với bạn.";
  return html`<p class="notice">${rule}${yours}</p>`;
}

/** The workflow panel of an existing FAQ: where it stands, the actions this admin may take, the changes in review. */
export function workflowPanel(session: StaffSession, id: string, status: EditorStatus): SafeHtml {
  const action = (name: string, label: string, extra: SafeHtml | "" = "", cls = "") =>
    html`<form method="post" action="/admin/faqs/${id}/${name}" class="inline ${cls}">
      ${csrfField(session)}${extra}<button type="submit">${label}</button></form>`;
  const note = (name: string, label: string) =>
    html`<label for="note-${name}">${label}</label><input id="note-${name}" name="note" maxlength="500">`;
  const buttons: (SafeHtml | "")[] = [];
  if (status.state === "draft") buttons.push(action("submit", "Gửi duyệt"));
  // Four eyes: whoever edited since the last approval is not offered the approve button at all.
  const mayApprove = status.state === "review" && !status.authors.includes(session.username);
  if (mayApprove) buttons.push(action("approve", "Duyệt và xuất bản", "", "primary"));
  if (status.state === "review")
    buttons.push(action("reject", "Trả lại để sửa", note("reject", "Lý do trả lại")));
  const liveStatus = status.liveStatus ?? status.state;
  if (liveStatus === "published")
    buttons.push(action("retire", "Ngừng dùng câu hỏi này", note("retire", "Lý do ngừng dùng")));
  if (status.pendingRevision) buttons.push(action("discard", "Bỏ bản sửa đang chờ"));
  const inReview = status.state === "review";
  return html`<section class="card workflow" aria-labelledby="wf-title">
    <h2 id="wf-title">Duyệt và xuất bản</h2>
    ${workflowFacts(status, liveStatus)}
    ${inReview ? fourEyesNotice(mayApprove) : ""}
    <div class="actions">${buttons}</div>
    ${status.changes && inReview ? changesPanel(status.changes) : ""}
    <p><a href="/admin/faqs/${id}/history">Lịch sử thay đổi</a></p>
  </section>`;
}
