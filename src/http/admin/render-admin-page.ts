import type { StaffSession } from "../../escalation/index.js";
import { href, html, renderLayout, type SafeHtml } from "../console/index.js";

const SECTIONS = [
  ["faqs", "/admin/faqs", "Câu hỏi mẫu"],
  ["new", "/admin/faqs/new", "Thêm câu hỏi mẫu"],
  ["inbox", "/admin/inbox", "Câu hỏi chưa trả lời được"],
  ["currency", "/admin/currency", "Rà soát văn bản pháp luật"],
] as const;

/** A section of the admin console. */
export type AdminSection = (typeof SECTIONS)[number][0];

/** An admin page: the staff console's frame, the admin sections, the admin stylesheet and script. */
export function renderAdminPage(page: {
  readonly title: string;
  readonly body: SafeHtml;
  readonly session?: StaffSession;
  readonly orgName?: string;
  readonly section?: AdminSection;
}): string {
  const links = SECTIONS.map(
    ([id, url, label]) =>
      html`<a href="${href(url)}"${id === page.section ? html` aria-current="page"` : ""}>${label}</a>`,
  );
  const subnav = html`<nav class="subnav" aria-label="Biên tập câu hỏi mẫu">${links}</nav>`;
  return renderLayout({
    title: page.title,
    session: page.session,
    orgName: page.orgName,
    body: html`<link rel="stylesheet" href="/admin/static/admin.css">
      ${page.session?.role === "admin" ? subnav : ""}
      ${page.body}
      <script src="/admin/static/admin.js" defer></script>`,
  });
}

/** A short admin page with one message (refusals, errors). */
export function renderAdminMessage(page: {
  readonly title: string;
  readonly message: string;
  readonly session?: StaffSession;
  readonly orgName?: string;
  readonly back?: string;
}): string {
  return renderAdminPage({
    title: page.title,
    session: page.session,
    orgName: page.orgName,
    body: html`<h1>${page.title}</h1><p role="alert" class="error">${page.message}</p>
      <p><a href="${href(page.back ?? "/admin/faqs")}">Quay lại</a></p>`,
  });
}
