import { html, type SafeHtml } from "./html.js";

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
      ${options.map(([value, text]) => html`<option value="${value}"${value === current ? html` selected` : ""}>${text}</option>`)}
    </select>
  </div>`;
}
