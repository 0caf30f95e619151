import { TOPICS, topicLabel } from "../../content/index.js";
import type { CaseList, StaffSession } from "../../escalation/index.js";
import { html } from "./html.js";
import { filterSelect } from "./render-filter-select.js";
import { renderLayout } from "./render-layout.js";
import { CHANNEL_LABELS, ELIGIBILITY_LABELS, STATUS_LABELS, vnTime } from "./staff-labels.js";
import type { CaseListQuery } from "./staff-schemas.js";

function pageLink(query: CaseListQuery, offset: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, offset })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return `/staff/cases?${params.toString()}`;
}

/** The queue page: counts, filters, and the not-closed cases earliest deadline first. */
export function renderQueue(page: {
  readonly session: StaffSession;
  readonly list: CaseList;
  readonly query: CaseListQuery;
  readonly limit: number;
  readonly orgName?: string;
}): string {
  const { list, query, limit } = page;
  const offset = query.offset ?? 0;
  const { counts } = list;
  const overdueValue = query.overdue === undefined ? undefined : query.overdue ? "true" : "false";
  const rows = list.cases.map(
    (c) => html`<tr class="${c.overdue ? "overdue" : ""}">
      <td data-label="Mã hồ sơ"><a href="/staff/cases/${c.id}">${c.id}</a></td>
      <td data-label="Trạng thái"><span class="badge s-${c.status}">${STATUS_LABELS[c.status]}</span></td>
      <td data-label="Hạn trả lời">${vnTime(c.firstResponseDueAt)}${c.overdue ? html` <strong class="late">Quá hạn</strong>` : ""}</td>
      <td data-label="Chủ đề">${topicLabel(c.topic)}</td>
      <td data-label="Kênh">${CHANNEL_LABELS[c.channel]}</td>
      <td data-label="Xã/phường">${c.commune}</td>
      <td data-label="Diện TGPL">${ELIGIBILITY_LABELS[c.eligibility]}</td>
      <td data-label="Cán bộ giữ">${c.claimedBy ?? "—"}</td>
    </tr>`,
  );
  const body = html`<h1>Hàng chờ hồ sơ</h1>
    <ul class="counts" aria-label="Số hồ sơ">
      <li>Tổng: <strong>${counts.total}</strong></li>
      <li>Chờ nhận: <strong>${counts.byStatus.open}</strong></li>
      <li>Đã nhận: <strong>${counts.byStatus.claimed}</strong></li>
      <li>Đã trả lời: <strong>${counts.byStatus.answered}</strong></li>
      <li class="${counts.overdue ? "late" : ""}">Quá hạn: <strong>${counts.overdue}</strong></li>
    </ul>
    <form method="get" action="/staff/cases" class="filters" aria-label="Lọc hồ sơ">
      ${filterSelect(
        "status",
        "Trạng thái",
        [
          ["open", STATUS_LABELS.open],
          ["claimed", STATUS_LABELS.claimed],
          ["answered", STATUS_LABELS.answered],
        ],
        query.status,
      )}
      ${filterSelect(
        "topic",
        "Chủ đề",
        TOPICS.map((t) => [t.id, t.label] as const),
        query.topic,
      )}
      ${filterSelect("eligibility", "Diện TGPL", Object.entries(ELIGIBILITY_LABELS), query.eligibility)}
      ${filterSelect(
        "overdue",
        "Hạn trả lời",
        [
          ["true", "Quá hạn"],
          ["false", "Còn hạn"],
        ],
        overdueValue,
      )}
      ${filterSelect("channel", "Kênh", Object.entries(CHANNEL_LABELS), query.channel)}
      <button type="submit">Lọc</button>
    </form>
    <p>${list.matching} hồ sơ phù hợp, sắp theo hạn trả lời sớm nhất.</p>
    ${
      list.cases.length
        ? html`<table class="queue">
          <caption class="sr-only">Hồ sơ chưa đóng</caption>
          <thead><tr><th scope="col">Mã hồ sơ</th><th scope="col">Trạng thái</th><th scope="col">Hạn trả lời</th>
            <th scope="col">Chủ đề</th><th scope="col">Kênh</th><th scope="col">Xã/phường</th>
            <th scope="col">Diện TGPL</th><th scope="col">Cán bộ giữ</th></tr></thead>
          <tbody>${rows}</tbody>
        </table>`
        : html`<p class="empty">Không có hồ sơ nào.</p>`
    }
    <nav class="pager" aria-label="Trang">
      ${offset > 0 ? html`<a href="${pageLink(query, Math.max(0, offset - limit))}">← Trang trước</a>` : ""}
      ${offset + list.cases.length < list.matching ? html`<a href="${pageLink(query, offset + limit)}">Trang sau →</a>` : ""}
    </nav>`;
  return renderLayout({ title: "Hàng chờ hồ sơ", session: page.session, orgName: page.orgName, body });
}
