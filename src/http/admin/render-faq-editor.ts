import { AUDIENCES, TOPICS } from "../../content/index.js";
import type { FaqChanges, FaqView } from "../../curation/index.js";
import type { StaffSession } from "../../escalation/index.js";
import { csrfField, href, html, type SafeHtml } from "../console/index.js";
import { AUDIENCE_LABELS, FIELD_LABELS, STATE_LABELS, vnTime } from "./admin-labels.js";
import type { BasisInput, FaqDraftInput } from "./faq-form.js";
import { renderAdminPage } from "./render-admin-page.js";

/** Where an existing FAQ stands, for the workflow panel: the workflow's view, without the records. */
export interface EditorStatus extends Pick<FaqView, "state" | "lastEditor" | "authors" | "amended"> {
  readonly liveStatus?: FaqView["state"];
  readonly pendingRevision: boolean;
  /** What the revision in work changes against the live version (absent for a FAQ never published). */
  readonly changes?: FaqChanges;
}

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
  readonly errors?: Readonly<Record<string, string>>;
  readonly preview: string;
  readonly notice?: string;
  readonly problem?: string;
  readonly conflict?: EditorConflict;
  /** Where the prefilled values came from (inbox group, closed case). */
  readonly source?: string;
}

function fieldError(errors: Readonly<Record<string, string>>, key: string, id: string): SafeHtml | "" {
  const message = errors[key];
  if (!message) return "";
  return html`<p class="field-error" id="${id}">${FIELD_LABELS[key.split(".")[0] ?? ""] ?? "Ô này"}: ${message}</p>`;
}

/** The errors of a field and its rows (`variants`, `variants.3`, `legalBasis.0.document`…). */
function errorsUnder(errors: Readonly<Record<string, string>>, field: string): [string, string][] {
  return Object.entries(errors).filter(([k]) => k === field || k.startsWith(`${field}.`));
}

const invalid = (on: boolean, id: string): SafeHtml | "" =>
  on ? html` aria-invalid="true" aria-describedby="${id}"` : "";

function variantRow(value: string, i: number, error?: string): SafeHtml {
  return html`<li class="row">
    <input name="variants" maxlength="500" value="${value}" aria-label="Cách hỏi khác ${i + 1}"${invalid(Boolean(error), `err-variants-${i}`)}>
    <button type="button" class="link remove-row" aria-label="Xóa cách hỏi ${i + 1}">Xóa</button>
    ${error ? html`<p class="field-error" id="err-variants-${i}">${error}</p>` : ""}
  </li>`;
}

function basisRow(row: BasisInput, i: number, errors: readonly [string, string][]): SafeHtml {
  const n = i + 1;
  return html`<li class="row basis">
    <input name="basisDocument" maxlength="300" value="${row.document}" aria-label="Tên văn bản ${n}" placeholder="Luật Hôn nhân và gia đình 2014">
    <input name="basisNumber" maxlength="60" value="${row.number ?? ""}" aria-label="Số hiệu ${n}" placeholder="52/2014/QH13">
    <input name="basisArticle" maxlength="80" value="${row.article ?? ""}" aria-label="Điều ${n}" placeholder="Điều 56">
    <input name="basisClause" maxlength="80" value="${row.clause ?? ""}" aria-label="Khoản ${n}" placeholder="khoản 1">
    <input name="basisFrom" type="date" value="${row.effectiveFrom ?? ""}" aria-label="Hiệu lực từ ngày ${n}" title="Hiệu lực từ ngày">
    <input name="basisUntil" type="date" value="${row.effectiveUntil ?? ""}" aria-label="Hết hiệu lực ngày ${n}" title="Hết hiệu lực ngày (nếu đã biết)">
    <input name="basisVerified" maxlength="400" value="${row.verifiedAgainst ?? ""}" aria-label="Đã đối chiếu với ${n}" placeholder="Văn bản gốc (nguồn) hoặc báo (tên báo, ngày)">
    <button type="button" class="link remove-row" aria-label="Xóa căn cứ ${n}">Xóa</button>
    ${errors.map(([k, m]) => html`<p class="field-error">${FIELD_LABELS.legalBasis} ${n} (${k.split(".").slice(2).join(".") || "dòng"}): ${m}</p>`)}
  </li>`;
}

/** The revision against the live version: changed fields side by side, the answer word by word. */
function changesPanel(changes: FaqChanges): SafeHtml {
  const list = (lines: readonly string[]) =>
    lines.length ? html`<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>` : html`<em>(trống)</em>`;
  const rows = changes.fields.map(
    (c) =>
      html`<tr><th scope="row">${FIELD_LABELS[c.field] ?? c.field}</th><td class="before">${list(c.before)}</td><td class="after">${list(c.after)}</td></tr>`,
  );
  const answer = changes.answer.map((op) =>
    op.kind === "-" ? html`<del>${op.line}</del>` : op.kind === "+" ? html`<ins>${op.line}</ins>` : op.line,
  );
  return html`<section class="card changes" aria-labelledby="changes-title">
    <h2 id="changes-title">Thay đổi so với bản đang dùng</h2>
    ${
      changes.fields.length
        ? html`<table class="field-diff"><thead><tr><th scope="col">Mục</th><th scope="col">Bản đang dùng</th><th scope="col">Bản sửa</th></tr></thead><tbody>${rows}</tbody></table>`
        : html`<p>Các mục khác không đổi.</p>`
    }
    <h3>Câu trả lời</h3>
    ${
      changes.answer.length
        ? html`<p class="meta">Chữ <del>gạch ngang</del> bị bỏ, chữ <ins>gạch chân</ins> được thêm.</p><div class="answer-diff">${answer}</div>`
        : html`<p>Câu trả lời không đổi.</p>`
    }
  </section>`;
}

function workflowPanel(page: EditorPage, id: string, status: EditorStatus): SafeHtml {
  const me = page.session.username;
  const action = (name: string, label: string, extra: SafeHtml | "" = "", cls = "") =>
    html`<form method="post" action="/admin/faqs/${id}/${name}" class="inline ${cls}">
      ${csrfField(page.session)}${extra}<button type="submit">${label}</button></form>`;
  const note = (name: string, label: string) =>
    html`<label for="note-${name}">${label}</label><input id="note-${name}" name="note" maxlength="500">`;
  const buttons: (SafeHtml | "")[] = [];
  if (status.state === "draft") buttons.push(action("submit", "Gửi duyệt"));
  // Four eyes: whoever edited since the last approval is not offered the approve button at all.
  const mayApprove = status.state === "review" && !status.authors.includes(me);
  if (mayApprove) buttons.push(action("approve", "Duyệt và xuất bản", "", "primary"));
  if (status.state === "review")
    buttons.push(action("reject", "Trả lại để sửa", note("reject", "Lý do trả lại")));
  const liveStatus = status.liveStatus ?? status.state;
  if (liveStatus === "published")
    buttons.push(action("retire", "Ngừng dùng câu hỏi này", note("retire", "Lý do ngừng dùng")));
  if (status.pendingRevision) buttons.push(action("discard", "Bỏ bản sửa đang chờ"));
  return html`<section class="card workflow" aria-labelledby="wf-title">
    <h2 id="wf-title">Duyệt và xuất bản</h2>
    <dl class="facts">
      <dt>Trạng thái</dt><dd><span class="badge st-${status.state}">${STATE_LABELS[status.state]}</span></dd>
      ${status.pendingRevision ? html`<dt>Bản đang dùng</dt><dd>${STATE_LABELS[liveStatus]} (người dân vẫn nhận câu trả lời cũ cho đến khi bản sửa được duyệt)</dd>` : ""}
      <dt>Người sửa gần nhất</dt><dd>${status.lastEditor ?? "—"}</dd>
      ${status.authors.length ? html`<dt>Đã sửa từ lần duyệt trước</dt><dd>${status.authors.join(", ")}</dd>` : ""}
      ${status.amended ? html`<dt>Cần rà soát</dt><dd class="late">Văn bản được trích dẫn đã sửa đổi (${vnTime(status.amended.at)}, ${status.amended.by}${status.amended.note ? `: ${status.amended.note}` : ""})</dd>` : ""}
    </dl>
    ${
      status.state === "review"
        ? html`<p class="notice">Nguyên tắc hai người: người đã sửa bản này không tự duyệt được; một quản trị viên khác đọc phần thay đổi rồi duyệt.${mayApprove ? "" : " Bạn đã sửa bản này nên nút duyệt không hiện với bạn."}</p>`
        : ""
    }
    <div class="actions">${buttons}</div>
    ${status.changes && status.state === "review" ? changesPanel(status.changes) : ""}
    <p><a href="/admin/faqs/${id}/history">Lịch sử thay đổi</a></p>
  </section>`;
}

/** The FAQ editor: every field with its validation message, live chat preview, workflow buttons, 409 panel. */
export function renderFaqEditor(page: EditorPage): string {
  const v = page.values;
  const errors = page.errors ?? {};
  const isNew = page.id === undefined;
  const action = isNew ? "/admin/faqs" : `/admin/faqs/${page.id}`;
  const variantErrors = new Map(
    errorsUnder(errors, "variants")
      .filter(([k]) => k.includes("."))
      .map(([k, m]) => [Number(k.split(".")[1]), m] as const),
  );
  const variantRows = [...v.variants, "", ""].map((value, i) => variantRow(value, i, variantErrors.get(i)));
  const basisRows = [...v.legalBasis, { document: "" }].map((row, i) =>
    basisRow(row, i, errorsUnder(errors, `legalBasis.${i}`)),
  );
  const known = new Set([
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
  const other = Object.entries(errors).filter(([k]) => !known.has(k.split(".")[0] ?? ""));
  const title = isNew ? "Thêm câu hỏi mẫu" : `Sửa câu hỏi mẫu ${page.id}`;
  const errorCount = Object.keys(errors).length;
  const body = html`<h1>${title}</h1>
    ${page.notice ? html`<p class="notice" role="status">${page.notice}</p>` : ""}
    ${page.problem ? html`<p class="error" role="alert">${page.problem}</p>` : ""}
    ${page.source ? html`<p class="notice">${page.source}</p>` : ""}
    ${
      errorCount
        ? html`<div class="error" role="alert" id="form-errors"><p>Chưa lưu: có ${errorCount} chỗ cần sửa (ghi ngay dưới từng ô).</p>
          ${other.length ? html`<ul>${other.map(([k, m]) => html`<li>${FIELD_LABELS[k.split(".")[0] ?? ""] ?? k}: ${m}</li>`)}</ul>` : ""}</div>`
        : ""
    }
    ${
      page.conflict
        ? html`<section class="card conflict" aria-labelledby="conflict-title">
        <h2 id="conflict-title">Có người vừa sửa câu hỏi này</h2>
        <p>Bản của bạn chưa được lưu. Bạn so sánh hai bản dưới đây; nếu bấm "Lưu bản nháp" lần nữa, bản của bạn (trong các ô bên dưới) sẽ thay bản hiện tại.</p>
        <div class="versions">
          <div><h3>Bản hiện tại (của người khác)</h3><pre class="text" id="theirs">${page.conflict.theirs}</pre></div>
          <div><h3>Bản của bạn</h3><pre class="text" id="yours">${page.conflict.yours}</pre></div>
        </div>
        <h3>Khác nhau</h3><pre class="diff">${page.conflict.diff}</pre>
      </section>`
        : ""
    }
    <div class="editor">
    <form method="post" action="${href(action)}" enctype="multipart/form-data" class="card faq-form" id="faq-form" novalidate>
      ${csrfField(page.session)}
      ${page.version ? html`<input type="hidden" name="version" value="${page.version}">` : ""}
      ${v.reviewedAt ? html`<input type="hidden" name="reviewedAt" value="${v.reviewedAt}">` : ""}
      <label for="faq-id">Mã câu hỏi (chữ thường không dấu, nối bằng gạch ngang)</label>
      <input id="faq-id" name="id" maxlength="120" value="${v.id}"${isNew ? "" : html` readonly`}${invalid(Boolean(errors.id), "err-id")}>
      ${fieldError(errors, "id", "err-id")}

      <label for="faq-question">Câu hỏi chính</label>
      <input id="faq-question" name="question" maxlength="300" value="${v.question}" data-preview${invalid(Boolean(errors.question), "err-question")}>
      ${fieldError(errors, "question", "err-question")}

      <fieldset class="rows" data-rows="variants">
        <legend>Cách hỏi khác (người dân hay hỏi thế nào; cần ít nhất 5)</legend>
        ${fieldError(errors, "variants", "err-variants")}
        <ol class="row-list">${variantRows}</ol>
        <button type="button" class="add-row">Thêm cách hỏi</button>
      </fieldset>

      <label for="faq-topic">Chủ đề</label>
      <select id="faq-topic" name="topic"${invalid(Boolean(errors.topic), "err-topic")}>
        <option value="">— Chọn chủ đề —</option>
        ${TOPICS.map((t) => html`<option value="${t.id}"${t.id === v.topic ? html` selected` : ""}>${t.label}</option>`)}
      </select>
      ${fieldError(errors, "topic", "err-topic")}

      <fieldset class="checks"><legend>Đối tượng</legend>
        ${AUDIENCES.map(
          (a) =>
            html`<label class="check"><input type="checkbox" name="audiences" value="${a}"${
              v.audiences.includes(a) ? html` checked` : ""
            }> ${AUDIENCE_LABELS[a] ?? a}</label>`,
        )}
        ${errorsUnder(errors, "audiences").map(([k, m]) => html`<p class="field-error">${FIELD_LABELS.audiences} (${k}): ${m}</p>`)}
      </fieldset>

      <label for="faq-tags">Từ khóa (cách nhau bằng dấu phẩy)</label>
      <input id="faq-tags" name="tags" value="${v.tags.join(", ")}">
      ${errorsUnder(errors, "tags").map(([, m]) => html`<p class="field-error">${FIELD_LABELS.tags}: ${m}</p>`)}

      <label for="faq-answer">Câu trả lời (Markdown; dùng {{org.legalAidCenterName}}, {{org.legalAidPhone}}… thay cho tên, số điện thoại)</label>
      <textarea id="faq-answer" name="answer" rows="14" maxlength="20000" data-preview${invalid(Boolean(errors.answer), "err-answer")}>${v.answer}</textarea>
      ${fieldError(errors, "answer", "err-answer")}

      <fieldset class="rows" data-rows="basis">
        <legend>Căn cứ pháp lý (tên văn bản, số hiệu, điều, khoản; ngày hiệu lực, ngày hết hiệu lực nếu đã biết; đã đối chiếu với văn bản gốc hay bài báo nào)</legend>
        ${fieldError(errors, "legalBasis", "err-legalBasis")}
        <ol class="row-list">${basisRows}</ol>
        <button type="button" class="add-row">Thêm căn cứ</button>
      </fieldset>

      <label for="faq-related">Câu hỏi liên quan (mã, cách nhau bằng dấu phẩy)</label>
      <input id="faq-related" name="related" value="${v.related.join(", ")}"${invalid(errorsUnder(errors, "related").length > 0, "err-related")}>
      ${errorsUnder(errors, "related").map(([, m]) => html`<p class="field-error" id="err-related">${FIELD_LABELS.related}: ${m}</p>`)}

      <label for="faq-due">Hạn rà soát</label>
      <input id="faq-due" name="reviewDue" type="date" value="${v.reviewDue}"${invalid(Boolean(errors.reviewDue), "err-reviewDue")}>
      ${fieldError(errors, "reviewDue", "err-reviewDue")}

      <label for="faq-verified">Ngày kiểm tra số liệu (mức tiền, độ tuổi, thời hạn, tỷ lệ)</label>
      <input id="faq-verified" name="verifiedAt" type="date" value="${v.verifiedAt ?? ""}"${invalid(Boolean(errors.verifiedAt), "err-verifiedAt")}>
      ${fieldError(errors, "verifiedAt", "err-verifiedAt")}

      <label for="faq-review">Nội dung chưa kiểm chứng được, cần cán bộ pháp chế xem (mỗi dòng một ý)</label>
      <textarea id="faq-review" name="needsLegalReview" rows="3"${invalid(errorsUnder(errors, "needsLegalReview").length > 0, "err-needsLegalReview")}>${v.needsLegalReview.join("\n")}</textarea>
      ${errorsUnder(errors, "needsLegalReview").map(([, m]) => html`<p class="field-error" id="err-needsLegalReview">${FIELD_LABELS.needsLegalReview}: ${m}</p>`)}

      <label for="faq-facets">Điểm phân biệt với câu hỏi anh em (mỗi dòng một điểm, ví dụ "phương tiện: xe máy, mô tô"; giá trị đầu là nút bấm)</label>
      <textarea id="faq-facets" name="facets" rows="2"${invalid(errorsUnder(errors, "facets").length > 0, "err-facets")}>${Object.entries(
        v.facets ?? {},
      )
        .map(([name, values]) => `${name}: ${values.join(", ")}`)
        .join("\n")}</textarea>
      ${errorsUnder(errors, "facets").map(([, m]) => html`<p class="field-error" id="err-facets">${FIELD_LABELS.facets}: ${m}</p>`)}

      <button type="submit" class="primary">${isNew ? "Tạo bản nháp" : "Lưu bản nháp"}</button>
    </form>
    <aside class="card preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Xem trước trong khung chat</h2>
      <pre id="chat-preview" class="bubble" aria-live="polite">${page.preview}</pre>
      <p class="meta">Thông tin đơn vị ({{org.…}}) được điền như khi trợ lý trả lời.</p>
    </aside>
    </div>
    ${!isNew && page.status ? workflowPanel(page, page.id as string, page.status) : ""}`;
  return renderAdminPage({
    title,
    session: page.session,
    orgName: page.orgName,
    section: isNew ? "new" : "faqs",
    body,
  });
}
