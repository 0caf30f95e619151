// The server-rendered consoles' kit (staff, admin, dashboard, reports): one frame, one escaping
// `html` tag, form helpers and URL-checked links. Console pages import only this file.
export { REPORT_ROLES, ROLE_LABELS } from "./console-roles.js";
export { csrfField, filterSelect, flag, hiddenField, option } from "./form-fields.js";
export { href, isSafeUrl } from "./href.js";
export { html, SafeHtml } from "./html.js";
export { type MessagePage, pageErrorHandler } from "./page-error-handler.js";
export { renderLayout, renderMessagePage } from "./render-layout.js";
export { sendPage } from "./send-page.js";
