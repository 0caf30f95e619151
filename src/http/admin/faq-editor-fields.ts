import { html, type SafeHtml } from "../console/index.js";
import { FIELD_LABELS } from "./admin-labels.js";
import type { BasisInput } from "./faq-form.js";

/** Validation messages by field path (`question`, `variants.3`, `legalBasis.0.document`…). */
export type FieldErrors = Readonly<Record<string, string>>;

/** The label of a field path's first part, for a message that names the field. */
export const fieldLabel = (key: string): string | undefined => FIELD_LABELS[key.split(".")[0] ?? ""];

/** The message of one field, with the id its input points to (`aria-describedby`). */
export function fieldError(errors: FieldErrors, key: string, id: string): SafeHtml | "" {
  const message = errors[key];
  if (!message) return "";
  return html`<p class="field-error" id="${id}">${fieldLabel(key) ?? "Ô này"}: ${message}</p>`;
}

/** The errors of a field and its rows (`variants`, `variants.3`, `legalBasis.0.document`…). */
export function errorsUnder(errors: FieldErrors, field: string): [string, string][] {
  return Object.entries(errors).filter(([k]) => k === field || k.startsWith(`${field}.`));
}

/** Every message of a list field (tags, related…), each naming the field; `id` for the one its input points to. */
export function listErrors(errors: FieldErrors, field: string, id?: string): SafeHtml[] {
  const idAttribute = id ? html` id="${id}"` : "";
  return errorsUnder(errors, field).map(
    ([, message]) => html`<p class="field-error"${idAttribute}>${FIELD_LABELS[field]}: ${message}</p>`,
  );
}

/** `aria-invalid` and the message's id on a field with an error. */
export const invalid = (on: boolean, id: string): SafeHtml | "" =>
  on ? html` aria-invalid="true" aria-describedby="${id}"` : "";

/** One "cách hỏi khác" row of the editor. */
export function variantRow(value: string, i: number, error?: string): SafeHtml {
  const errorId = `err-variants-${i}`;
  return html`<li class="row">
    <input name="variants" maxlength="500" value="${value}"
      aria-label="Cách hỏi khác ${i + 1}"${invalid(Boolean(error), errorId)}>
    <button type="button" class="link remove-row" aria-label="Xóa cách hỏi ${i + 1}">Xóa</button>
    ${error ? html`<p class="field-error" id="${errorId}">${error}</p>` : ""}
  </li>`;
}

/** The inputs of a legal basis row: form name, field, size or type, label, and a hint. */
const BASIS_INPUTS: readonly {
  readonly name: string;
  readonly field: keyof BasisInput;
  readonly attributes: SafeHtml;
  readonly label: string;
  readonly hint: SafeHtml;
}[] = [
  {
    name: "basisDocument",
    field: "document",
    attributes: html` maxlength="300"`,
    label: "Tên văn bản",
    hint: html` placeholder="Luật Hôn nhân và gia đình 2014"`,
  },
  {
    name: "basisNumber",
    field: "number",
    attributes: html` maxlength="60"`,
    label: "Số hiệu",
    hint: html` placeholder="52/2014/QH13"`,
  },
  {
    name: "basisArticle",
    field: "article",
    attributes: html` maxlength="80"`,
    label: "Điều",
    hint: html` placeholder="Điều 56"`,
  },
  {
    name: "basisClause",
    field: "clause",
    attributes: html` maxlength="80"`,
    label: "Khoản",
    hint: html` placeholder="khoản 1"`,
  },
  {
    name: "basisFrom",
    field: "effectiveFrom",
    attributes: html` type="date"`,
    label: "Hiệu lực từ ngày",
    hint: html` title="Hiệu lực từ ngày"`,
  },
  {
    name: "basisUntil",
    field: "effectiveUntil",
    attributes: html` type="date"`,
    label: "Hết hiệu lực ngày",
    hint: html` title="Hết hiệu lực ngày (nếu đã biết)"`,
  },
  {
    name: "basisVerified",
    field: "verifiedAgainst",
    attributes: html` maxlength="400"`,
    label: "Đã đối chiếu với",
    hint: html` placeholder="Văn bản gốc (nguồn) hoặc báo (tên báo, ngày)"`,
  },
];

/** One legal basis row of the editor, with the messages of its fields. */
export function basisRow(row: BasisInput, i: number, errors: readonly [string, string][]): SafeHtml {
  const n = i + 1;
  const inputs = BASIS_INPUTS.map((input) => {
    const value = row[input.field] ?? "";
    const label = `${input.label} ${n}`;
    return html`<input name="${input.name}"${input.attributes} value="${value}" aria-label="${label}"${input.hint}>
    `;
  });
  const messages = errors.map(([key, message]) => {
    const part = key.split(".").slice(2).join(".") || "dòng";
    return html`<p class="field-error">${FIELD_LABELS.legalBasis} ${n} (${part}): ${message}</p>`;
  });
  return html`<li class="row basis">
    ${inputs}<button type="button" class="link remove-row" aria-label="Xóa căn cứ ${n}">Xóa</button>
    ${messages}
  </li>`;
}
