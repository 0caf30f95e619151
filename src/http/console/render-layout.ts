import type { StaffSession } from "../../escalation/index.js";
import { REPORT_ROLES, ROLE_LABELS } from "./console-roles.js";
import { csrfField } from "./form-fields.js";
import { href } from "./href.js";
import { html, type SafeHtml } from "./html.js";

/** The consoles' menu: each link with the roles that see it (everyone signed in when absent). */
const MENU: readonly { readonly href: string; readonly label: string; readonly roles?: readonly string[] }[] =
  [
    { href: "/staff/cases", label: "Hàng chờ hồ sơ" },
    { href: "/staff/dashboard", label: "Số liệu và ghi cuộc gọi" },
    { href: "/staff/reports", label: "Báo cáo", roles: REPORT_ROLES },
    { href: "/staff/admin", label: "Tài khoản cán bộ", roles: ["admin"] },
    { href: "/admin", label: "Biên tập câu hỏi mẫu", roles: ["admin"] },
  ];

function nav(session: StaffSession): SafeHtml {
  const links = MENU.filter((m) => !m.roles || m.roles.includes(session.role)).map(
    (m) => html`<a href="${m.href}">${m.label}</a>`,
  );
  return html`<nav aria-label="Điều hướng chính">
        ${links}
        <span class="who">${session.username} (${ROLE_LABELS[session.role]})</span>
        <form method="post" action="/staff/logout" class="inline">
          ${csrfField(session)}<button type="submit" class="link">Đăng xuất</button>
        </form>
      </nav>`;
}

/** The `<body>` attributes of a live page: where staff.js listens, and the case it shows. */
function liveAttributes(caseId: string | undefined): SafeHtml {
  return html` data-live="/staff/live"${caseId ? html` data-case="${caseId}"` : ""}`;
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
  const live = Boolean(page.live && session);
  const org = page.orgName ? html`<small>${page.orgName}</small>` : "";
  return `<!doctype html>${html`<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} · Trang cán bộ</title>
<link rel="stylesheet" href="/staff/static/staff.css">
${live ? html`<script type="module" src="/staff/static/staff.js"></script>` : ""}
</head>
<body${live ? liveAttributes(page.caseId) : ""}>
<a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>
<header class="top">
  <div class="brand">Trang cán bộ trợ giúp pháp lý${org}</div>
  ${session ? nav(session) : ""}
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
      <p><a href="${href(page.back ?? "/staff/cases")}">Quay lại</a></p>`,
  });
}
