import type { HistoryEntry } from "../../curation/index.js";
import type { StaffSession } from "../../escalation/index.js";
import { csrfField, html } from "../console/index.js";
import { ACTION_LABELS, vnTime } from "./admin-labels.js";
import { renderAdminPage } from "./render-admin-page.js";

/** Where a history entry's text was written. */
const AREA_LABELS: Readonly<Record<HistoryEntry["area"], string>> = {
  revision: "Bản sửa đang chờ",
  live: "Bản trong kho nội dung",
};

/** A FAQ's history, newest first: who, when, what, the diff (escaped, in <pre>) and a restore button. */
export function renderHistory(page: {
  readonly session: StaffSession;
  readonly id: string;
  readonly entries: readonly HistoryEntry[];
  readonly orgName?: string;
}): string {
  const items = [...page.entries].reverse().map(
    (e) => html`<li class="card history-entry">
      <h2>#${e.seq} · ${ACTION_LABELS[e.action]} · ${e.by} · ${vnTime(e.at)}</h2>
      <p class="meta">${AREA_LABELS[e.area]}${e.note ? ` · ${e.note}` : ""}</p>
      ${e.diff ? html`<pre class="diff">${e.diff}</pre>` : html`<p class="meta">Không có thay đổi nội dung.</p>`}
      ${
        e.text
          ? html`<form method="post" action="/admin/faqs/${page.id}/restore" class="inline">
          ${csrfField(page.session)}<input type="hidden" name="seq" value="${e.seq}">
          <button type="submit">Khôi phục bản #${e.seq} (chuyển sang chờ duyệt)</button></form>`
          : ""
      }
    </li>`,
  );
  return renderAdminPage({
    title: `Lịch sử ${page.id}`,
    session: page.session,
    orgName: page.orgName,
    section: "faqs",
    body: html`<h1>Lịch sử thay đổi: ${page.id}</h1>
      <p><a href="/admin/faqs/${page.id}">Quay lại câu hỏi mẫu</a></p>
      ${
        items.length
          ? html`<ol class="history">${items}</ol>`
          : html`<p class="notice">Chưa có thay đổi nào được ghi qua trang quản trị.</p>`
      }`,
  });
}
