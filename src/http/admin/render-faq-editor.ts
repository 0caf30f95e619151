import { AUDIENCES, TOPICS } from "../../content/index.js";
import type { StaffSession } from "../../escalation/index.js";
import { csrfField, flag, hiddenField, href, html, option, type SafeHtml } from "../console/index.js";
import { AUDIENCE_LABELS, FIELD_LABELS } from "./admin-labels.js";
import {
  basisRow,
  errorsUnder,
  type FieldErrors,
  fieldError,
  fieldLabel,
  invalid,
  listErrors,
  variantRow,
} from "./faq-editor-fields.js";
import type { FaqDraftInput } from "./faq-form.js";
import { renderAdminPage } from "./render-admin-page.js";
import { type EditorStatus, workflowPanel } from "./render-faq-workflow.js";

export type { EditorStatus } from "./render-faq-workflow.js";

/** Both versions after a concurrent edit (409). */
export interface EditorConflict {
  readonly theirs: string;
  readonly yours: string;
  readonly diff: string;
}

export interface EditorPage {
  readonly session: StaffSession;
  readonly orgName?: string;
  /** Absent for a new FAQ. */
  readonly id?: string;
  readonly values: FaqDraftInput;
  /** The version the form was loaded at (sent back on save). */
  readonly version?: string;
  readonly status?: EditorStatus;
  readonly errors?: FieldErrors;
  readonly preview: string;
  readonly notice?: string;
  readonly problem?: string;
  readonly conflict?: EditorConflict;
  /** Where the prefilled values came from (inbox group, closed case). */
  readonly source?: string;
}

/** The fields the form shows a message beside; a message for any other key is listed at the top. */
const FORM_FIELDS = new Set([
  "id",
  "question",
  "variants",
  "topic",
  "tags",
  "audiences",
  "legalBasis",
  "reviewDue",
  "verifiedAt",
  "needsLegalReview",
  "related",
  "facets",
  "answer",
]);

/** The summary at the top of a form that was not saved: how many fixes, and the messages no field shows. */
function errorSummary(errors: FieldErrors): SafeHtml | "" {
  const count = Object.keys(errors).length;
  if (!count) return "";
  const other = Object.entries(errors).filter(([k]) => !FORM_FIELDS.has(k.split(".")[0] ?? ""));
  const items = other.map(([k, m]) => html`<li>${fieldLabel(k) ?? k}: ${m}</li>`);
  return html`<div class="error" role="alert" id="form-errors">
          <p>Chưa lưu: có ${count} chỗ cần sửa (ghi ngay dưới từng ô).</p>
          ${other.length ? html`<ul>${items}</ul>` : ""}</div>`;
}

/** Both versions and their difference after a concurrent edit. */
function conflictPanel(conflict: EditorConflict): SafeHtml {
  return html`<section class="card conflict" aria-labelledby="conflict-title">
        <h2 id="conflict-title">Có người vừa sửa câu hỏi này</h2>
        <p>Bản của bạn chưa được lưu. Bạn so sánh hai bản dưới đây; nếu bấm "Lưu bản nháp" lần nữa,
          bản của bạn (trong các ô bên dưới) sẽ thay bản hiện tại.</p>
        <div class="versions">
          <div><h3>Bản hiện tại (của người khác)</h3><pre class="text" id="theirs">${conflict.theirs}</pre></div>
          <div><h3>Bản của bạn</h3><pre class="text" id="yours">${conflict.yours}</pre></div>
        </div>
        <h3>Khác nhau</h3><pre class="diff">${conflict.diff}</pre>
      </section>`;
}

/** The notices above the form: what happened, what went wrong, where the values came from. */
function pageNotices(page: EditorPage): SafeHtml {
  return html`${page.notice ? html`<p class="notice" role="status">${page.notice}</p>` : ""}
    ${page.problem ? html`<p class="error" role="alert">${page.problem}</p>` : ""}
    ${page.source ? html`<p class="notice">${page.source}</p>` : ""}`;
}

/** The variant rows: the typed ones, each with its message, and two empty ones to fill. */
function variantRows(values: FaqDraftInput, errors: FieldErrors): SafeHtml[] {
  const rowErrors = new Map(
    errorsUnder(errors, "variants")
      .filter(([k]) => k.includes("."))
      .map(([k, m]) => [Number(k.split(".")[1]), m] as const),
  );
  return [...values.variants, "", ""].map((value, i) => variantRow(value, i, rowErrors.get(i)));
}

/** The legal basis rows: the typed ones and one empty one. */
function basisRows(values: FaqDraftInput, errors: FieldErrors): SafeHtml[] {
  return [...values.legalBasis, { document: "" }].map((row, i) =>
    basisRow(row, i, errorsUnder(errors, `legalBasis.${i}`)),
  );
}

/** The audience checkboxes and their messages. */
function audienceChecks(values: FaqDraftInput, errors: FieldErrors): SafeHtml {
  const checks = AUDIENCES.map(
    (a) =>
      html`<label class="check"><input type="checkbox" name="audiences" value="${a}"${flag(
        "checked",
        values.audiences.includes(a),
      )}> ${AUDIENCE_LABELS[a] ?? a}</label>`,
  );
  const messages = errorsUnder(errors, "audiences").map(
    ([k, m]) => html`<p class="field-error">${FIELD_LABELS.audiences} (${k}): ${m}</p>`,
  );
  return html`${checks}
        ${messages}`;
}

/** The facets as typed: one attribute a line, "tên: giá trị, từ khác". */
const facetLines = (facets: FaqDraftInput["facets"]): string =>
  Object.entries(facets ?? {})
    .map(([name, values]) => `${name}: ${values.join(", ")}`)
    .join("\n");

/** The editor's form: every field with its validation message. */
function editorForm(page: EditorPage, errors: FieldErrors, isNew: boolean): SafeHtml {
  const v = page.values;
  const action = isNew ? "/admin/faqs" : `/admin/faqs/${page.id}`;
  const has = (key: string) => Boolean(errors[key]);
  const hasUnder = (field: string) => errorsUnder(errors, field).length > 0;
  return html`<form method="post" action="${href(action)}" enctype="multipart/form-data" class="card faq-form"
      id="faq-form" novalidate>
      ${csrfField(page.session)}
      ${hiddenField("version", page.version)}
      ${hiddenField("reviewedAt", v.reviewedAt)}
      <label for="faq-id">Mã câu hỏi (chữ thường không dấu, nối bằng gạch ngang)</label>
      <input id="faq-id" name="id" maxlength="120"
        value="${v.id}"${flag("readonly", !isNew)}${invalid(has("id"), "err-id")}>
      ${fieldError(errors, "id", "err-id")}

      <label for="faq-question">Câu hỏi chính</label>
      <input id="faq-question" name="question" maxlength="300" value="${v.question}" data-preview${invalid(
        has("question"),
        "err-question",
      )}>
      ${fieldError(errors, "question", "err-question")}

      <fieldset class="rows" data-rows="variants">
        <legend>Cách hỏi khác (người dân hay hỏi thế nào; cần ít nhất 5)</legend>
        ${fieldError(errors, "variants", "err-variants")}
        <ol class="row-list">${variantRows(v, errors)}</ol>
        <button type="button" class="add-row">Thêm cách hỏi</button>
      </fieldset>

      <label for="faq-topic">Chủ đề</label>
      <select id="faq-topic" name="topic"${invalid(has("topic"), "err-topic")}>
        <option value="">— Chọn chủ đề —</option>
        ${TOPICS.map((t) => option(t.id, t.label, v.topic))}
      </select>
      ${fieldError(errors, "topic", "err-topic")}

      <fieldset class="checks"><legend>Đối tượng</legend>
        ${audienceChecks(v, errors)}
      </fieldset>

      <label for="faq-tags">Từ khóa (cách nhau bằng dấu phẩy)</label>
      <input id="faq-tags" name="tags" value="${v.tags.join(", ")}">
      ${listErrors(errors, "tags")}

      <label for="faq-answer">Câu trả lời (Markdown; dùng {{org.legalAidCenterName}}, {{org.legalAidPhone}}…
        thay cho tên, số điện thoại)</label>
      <textarea id="faq-answer" name="answer" rows="14" maxlength="20000" data-preview${invalid(
        has("answer"),
        "err-answer",
      )}>${v.answer}</textarea>
      ${fieldError(errors, "answer", "err-answer")}

      <fieldset class="rows" data-rows="basis">
        <legend>Căn cứ pháp lý (tên văn bản, số hiệu, điều, khoản; ngày hiệu lực, ngày hết hiệu lực nếu đã biết;
          đã đối chiếu với văn bản gốc hay bài báo nào)</legend>
        ${fieldError(errors, "legalBasis", "err-legalBasis")}
        <ol class="row-list">${basisRows(v, errors)}</ol>
        <button type="button" class="add-row">Thêm căn cứ</button>
      </fieldset>

      <label for="faq-related">Câu hỏi liên quan (mã, cách nhau bằng dấu phẩy)</label>
      <input id="faq-related" name="related"
        value="${v.related.join(", ")}"${invalid(hasUnder("related"), "err-related")}>
      ${listErrors(errors, "related", "err-related")}

      <label for="faq-due">Hạn rà soát</label>
      <input id="faq-due" name="reviewDue" type="date"
        value="${v.reviewDue}"${invalid(has("reviewDue"), "err-reviewDue")}>
      ${fieldError(errors, "reviewDue", "err-reviewDue")}

      <label for="faq-verified">Ngày kiểm tra số liệu (mức tiền, độ tuổi, thời hạn, tỷ lệ)</label>
      <input id="faq-verified" name="verifiedAt" type="date" value="${v.verifiedAt ?? ""}"${invalid(
        has("verifiedAt"),
        "err-verifiedAt",
      )}>
      ${fieldError(errors, "verifiedAt", "err-verifiedAt")}

      <label for="faq-review">Nội dung chưa kiểm chứng được, cần cán bộ pháp chế xem (mỗi dòng một ý)</label>
      <textarea id="faq-review" name="needsLegalReview" rows="3"${invalid(
        hasUnder("needsLegalReview"),
        "err-needsLegalReview",
      )}>${v.needsLegalReview.join("\n")}</textarea>
      ${listErrors(errors, "needsLegalReview", "err-needsLegalReview")}

      <label for="faq-facets">Điểm phân biệt với câu hỏi anh em (mỗi dòng một điểm, ví dụ "phương tiện: xe máy, mô tô";
        giá trị đầu là nút bấm)</label>
      <textarea id="faq-facets" name="facets"
        rows="2"${invalid(hasUnder("facets"), "err-facets")}>${facetLines(v.facets)}</textarea>
      ${listErrors(errors, "facets", "err-facets")}

      <button type="submit" class="primary">${isNew ? "Tạo bản nháp" : "Lưu bản nháp"}</button>
    </form>`;
}

/** The FAQ editor: every field with its validation message, live chat preview, workflow buttons, 409 panel. */
export function renderFaqEditor(page: EditorPage): string {
  const errors = page.errors ?? {};
  const isNew = page.id === undefined;
  const title = isNew ? "Thêm câu hỏi mẫu" : `Sửa câu hỏi mẫu ${page.id}`;
  const workflow = !isNew && page.status ? workflowPanel(page.session, page.id as string, page.status) : "";
  const body = html`<h1>${title}</h1>
    ${pageNotices(page)}
    ${errorSummary(errors)}
    ${page.conflict ? conflictPanel(page.conflict) : ""}
    <div class="editor">
    ${editorForm(page, errors, isNew)}
    <aside class="card preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Xem trước trong khung chat</h2>
      <pre id="chat-preview" class="bubble" aria-live="polite">${page.preview}</pre>
      <p class="meta">Thông tin đơn vị ({{org.…}}) được điền như khi trợ lý trả lời.</p>
    </aside>
    </div>
    ${workflow}`;
  return renderAdminPage({
    title,
    session: page.session,
    orgName: page.orgName,
    section: isNew ? "new" : "faqs",
    body,
  });
}
