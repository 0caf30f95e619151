import type { StaffAccount, StaffSession } from "../../escalation/index.js";
import { html, ROLE_LABELS, renderLayout } from "../console/index.js";
import { vnTime } from "./staff-labels.js";

/** The admin-only page: staff accounts (created with `npm run user:add`). */
export function renderAdmin(page: {
  readonly session: StaffSession;
  readonly accounts: readonly StaffAccount[];
  readonly orgName?: string;
}): string {
  return renderLayout({
    title: "Tài khoản cán bộ",
    session: page.session,
    orgName: page.orgName,
    body: html`<h1>Tài khoản cán bộ</h1>
      <p>Thêm tài khoản bằng lệnh <code>npm run user:add -- --username TEN --role staff</code>.</p>
      <table><thead><tr><th scope="col">Tên đăng nhập</th><th scope="col">Vai trò</th>
        <th scope="col">Tạo lúc</th></tr></thead>
      <tbody>${page.accounts.map(
        (a) => html`<tr><td data-label="Tên đăng nhập">${a.username}</td>
          <td data-label="Vai trò">${ROLE_LABELS[a.role]}</td>
          <td data-label="Tạo lúc">${vnTime(a.createdAt)}</td></tr>`,
      )}</tbody></table>`,
  });
}
