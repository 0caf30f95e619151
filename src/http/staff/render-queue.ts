import { TOPICS, topicLabel } from "../../content/index.js";
import type { CaseList, CaseSummary, ClosedCaseList, StaffSession } from "../../escalation/index.js";
import { filterSelect, href, html, renderLayout, type SafeHtml } from "../console/index.js";
import { channelLabel, channelOptions, ELIGIBILITY_LABELS, STATUS_LABELS, vnTime } from "./staff-labels.js";
import type { CaseListQuery } from "./staff-schemas.js";

function pageLink(query: CaseListQuery, offset: number): SafeHtml {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, offset })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return href(`/staff/cases?${params.toString()}`);
}

const LATE = html` <strong class="late">Quá hạn</strong>`;

/** "2 tin mới": citizen messages in the thread nobody has read yet. */
function unreadBadge(c: CaseSummary): SafeHtml | string {
  return c.unread > 0 ? html` <span class="badge unread">${c.unread} tin mới</span>` : "";
}

/** A page of cases (live-refreshed table) with its count line and the previous/next page links. */
function casePage(
  list: { readonly cases: readonly CaseSummary[]; readonly matching: number },
  query: CaseListQuery,
  limit: number,
  text: { readonly summary: string; readonly caption: string; readonly empty: string },
): SafeHtml {
  const offset = query.offset ?? 0;
  const hasNext = offset + list.cases.length < list.matching;
  return html`<div id="queue-table" data-live>
    <p>${text.summary}</p>
    ${list.cases.length ? caseTable(list.cases, text.caption) : html`<p class="empty">${text.empty}</p>`}
    </div>
    <nav class="pager" aria-label="Trang">
      ${offset > 0 ? html`<a href="${pageLink(query, Math.max(0, offset - limit))}">← Trang trước</a>` : ""}
      ${hasNext ? html`<a href="${pageLink(query, offset + limit)}">Trang sau →</a>` : ""}
    </nav>`;
}

/** The rows of a case table (queue, closed cases, search results). */
function caseTable(cases: readonly CaseSummary[], caption: string): SafeHtml {
  const rows = cases.map(
    (
      c,
    ) => html`<tr class="${c.overdue ? "overdue" : ""}${c.unread > 0 ? " has-unread" : ""}" data-case="${c.id}">
      <td data-label="Mã hồ sơ"><a href="/staff/cases/${c.id}">${c.id}</a>${unreadBadge(c)}</td>
      <td data-label="Trạng thái"><span class="badge s-${c.status}">${STATUS_LABELS[c.status]}</span></td>
      <td data-label="Hạn trả lời">${vnTime(c.firstResponseDueAt)}${c.overdue ? LATE : ""}</td>
      <td data-label="Chủ đề">${topicLabel(c.topic)}</td>
      <td data-label="Kênh">${channelLabel(c.channel)}</td>
      <td data-label="Xã/phường">${c.commune}</td>
      <td data-label="Diện TGPL">${ELIGIBILITY_LABELS[c.eligibility]}</td>
      <td data-label="Cán bộ giữ">${c.claimedBy ?? "—"}</td>
    </tr>`,
  );
  return html`<table class="queue">
    <caption class="sr-only">${caption}</caption>
    <thead><tr><th scope="col">Mã hồ sơ</th><th scope="col">Trạng thái</th><th scope="col">Hạn trả lời</th>
      <th scope="col">Chủ đề</th><th scope="col">Kênh</th><th scope="col">Xã/phường</th>
      <th scope="col">Diện TGPL</th><th scope="col">Cán bộ giữ</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}

/** The tabs and the search box over every list page. */
function listHeader(active: "open" | "closed" | "search", q: string | undefined): SafeHtml {
  const tab = (key: "open" | "closed", url: string, label: string) => {
    const current = active === key ? html` aria-current="page" class="tab current"` : html` class="tab"`;
    return html`<a href="${href(url)}"${current}>${label}</a>`;
  };
  return html`<nav class="tabs" aria-label="Danh sách hồ sơ">
      ${tab("open", "/staff/cases", "Đang mở")}${tab("closed", "/staff/cases?tab=closed", "Đã đóng")}
    </nav>
    <form method="get" action="/staff/cases" class="search" role="search">
      <label for="q">Tìm hồ sơ</label>
      <input id="q" name="q" type="search" maxlength="100" value="${q ?? ""}"
        placeholder="Mã hồ sơ, số điện thoại hoặc tên xã/phường">
      <button type="submit">Tìm</button>
    </form>`;
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
  const { counts } = list;
  const overdueValue = query.overdue === undefined ? undefined : query.overdue ? "true" : "false";
  const unread = list.cases.reduce((sum, c) => sum + c.unread, 0);
  const body = html`<h1>Hàng chờ hồ sơ</h1>
    ${listHeader("open", undefined)}
    <div id="queue-live" data-live>
    <ul class="counts" aria-label="Số hồ sơ">
      <li>Tổng: <strong>${counts.total}</strong></li>
      <li>Chờ nhận: <strong>${counts.byStatus.open}</strong></li>
      <li>Đã nhận: <strong>${counts.byStatus.claimed}</strong></li>
      <li>Đã trả lời: <strong>${counts.byStatus.answered}</strong></li>
      <li class="${counts.overdue ? "late" : ""}">Quá hạn: <strong>${counts.overdue}</strong></li>
      ${unread ? html`<li class="has-unread">Tin mới của người dân: <strong>${unread}</strong></li>` : ""}
    </ul>
    </div>
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
      ${filterSelect("channel", "Kênh", channelOptions(), query.channel)}
      <button type="submit">Lọc</button>
    </form>
    ${casePage(list, query, limit, {
      summary: `${list.matching} hồ sơ phù hợp, sắp theo hạn trả lời sớm nhất.`,
      caption: "Hồ sơ chưa đóng",
      empty: "Không có hồ sơ nào.",
    })}`;
  return renderLayout({
    title: "Hàng chờ hồ sơ",
    session: page.session,
    orgName: page.orgName,
    body,
    live: true,
  });
}

/** The closed cases, newest first (staff see the ones they held; supervisors and admins all). */
export function renderClosed(page: {
  readonly session: StaffSession;
  readonly list: ClosedCaseList;
  readonly query: CaseListQuery;
  readonly limit: number;
  readonly orgName?: string;
}): string {
  const { list, query, limit } = page;
  const body = html`<h1>Hồ sơ đã đóng</h1>
    ${listHeader("closed", undefined)}
    ${casePage(list, query, limit, {
      summary: `${list.matching} hồ sơ đã đóng, mới đóng trước.`,
      caption: "Hồ sơ đã đóng",
      empty: "Chưa có hồ sơ nào đã đóng.",
    })}`;
  return renderLayout({
    title: "Hồ sơ đã đóng",
    session: page.session,
    orgName: page.orgName,
    body,
    live: true,
  });
}

/** How many cases a search found, or what to try when none. */
function searchSummary(found: number, q: string): SafeHtml {
  if (found) return html`${found} hồ sơ khớp với «${q}».`;
  return html`Không tìm thấy hồ sơ nào khớp với «${q}». Bạn thử mã hồ sơ (TGPL-2026-000123),
    vài số cuối của số điện thoại, hoặc tên xã/phường.`;
}

/** Search results over open and closed cases. */
export function renderSearch(page: {
  readonly session: StaffSession;
  readonly q: string;
  readonly cases: readonly CaseSummary[];
  readonly orgName?: string;
}): string {
  const body = html`<h1>Tìm hồ sơ</h1>
    ${listHeader("search", page.q)}
    <p role="status">${searchSummary(page.cases.length, page.q)}</p>
    ${page.cases.length ? caseTable(page.cases, "Kết quả tìm hồ sơ") : ""}`;
  return renderLayout({ title: "Tìm hồ sơ", session: page.session, orgName: page.orgName, body });
}
