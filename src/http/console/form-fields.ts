import type { StaffSession } from "../../escalation/index.js";
import { html, type SafeHtml } from "./html.js";

/** A hidden form field carrying the session's CSRF token. */
export function csrfField(session: StaffSession): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;
}

/** A hidden form field, or nothing when there is no value to send back. */
export function hiddenField(name: string, value: string | undefined): SafeHtml | "" {
  return value ? html`<input type="hidden" name="${name}" value="${value}">` : "";
}

/** A boolean attribute (` selected`, ` checked`, ` readonly`…) when `on`, else nothing. */
export function flag(name: "selected" | "checked" | "readonly" | "required", on: boolean): SafeHtml | "" {
  return on ? html` ${name}` : "";
}

/** One `<option>`, selected when its value is the current one. */
export function option(value: string, label: string, current?: string): SafeHtml {
  return html`<option value="${value}"${flag("selected", value === current)}>${label}</option>`;
}

/** A labelled filter drop-down of a list page, with "Tất cả" first and the current value selected. */
export function filterSelect(
  name: string,
  label: string,
  options: readonly (readonly [string, string])[],
  current: string | undefined,
): SafeHtml {
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <select id="f-${name}" name="${name}">
      <option value="">Tất cả</option>
      ${options.map(([value, text]) => option(value, text, current))}
    </select>
  </div>`;
}
