import type { StaffSession } from "../../escalation/index.js";
import { html, type SafeHtml } from "./html.js";
import { REPORT_ROLES } from "./staff-guards.js";
import { ROLE_LABELS } from "./staff-labels.js";

/** A hidden form field carrying the session's CSRF token. */
export function csrfField(session: StaffSession): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;
}

/** The page frame: skip link, header with navigation and logout, main content. */
export function renderLayout(page: {
  readonly title: string;
  readonly body: SafeHtml;
  readonly session?: StaffSession;
  readonly orgName?: string;
  /** The page refreshes its `data-live` parts when a case changes (server-sent events, staff.js). */
  readonly live?: boolean;
  /** The case this page shows, so only its changes refresh it. */
  readonly caseId?: string;
}): string {
  const { session } = page;
  const nav = session
    ? html`<nav aria-label="Điều hướng chính">
        <a href="/staff/cases">Hàng chờ hồ sơ</a>
        <a href="/staff/dashboard">Số liệu và ghi cuộc gọi</a>
        ${REPORT_ROLES.includes(session.role) ? html`<a href="/staff/reports">Báo cáo</a>` : ""}
        ${session.role === "admin" ? html`<a href="/staff/admin">Tài khoản cán bộ</a>` : ""}
        ${session.role === "admin" ? html`<a href="/admin">Biên tập câu hỏi mẫu</a>` : ""}
        <span class="who">${session.username} (${ROLE_LABELS[session.role]})</span>
        <form method="post" action="/staff/logout" class="inline">
          ${csrfField(session)}<button type="submit" class="link">Đăng xuất</button>
        </form>
      </nav>`
    : "";
  return `<!doctype html>${html`<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} · Trang cán bộ</title>
<link rel="stylesheet" href="/staff/static/staff.css">
${page.live && session ? html`<script type="module" src="/staff/static/staff.js"></script>` : ""}
</head>
<body${page.live && session ? html` data-live="/staff/live"${page.caseId ? html` data-case="${page.caseId}"` : ""}` : ""}>
<a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>
<header class="top">
  <div class="brand">Trang cán bộ trợ giúp pháp lý${page.orgName ? html`<small>${page.orgName}</small>` : ""}</div>
  ${nav}
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
</body>
</html>`}`;
}

/** A short page with one message, for errors and refusals. */
export function renderMessagePage(page: {
  readonly title: string;
  readonly message: string;
  readonly session?: StaffSession;
  readonly back?: string;
  readonly orgName?: string;
}): string {
  return renderLayout({
    title: page.title,
    session: page.session,
    orgName: page.orgName,
    body: html`<h1>${page.title}</h1><p role="alert">${page.message}</p>
      <p><a href="${page.back ?? "/staff/cases"}">Quay lại</a></p>`,
  });
}
