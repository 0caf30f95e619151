import { html, renderLayout } from "../console/index.js";

/** The login page; `error` is one of the router's fixed messages. */
export function renderLogin(page: {
  readonly error?: string;
  readonly username?: string;
  readonly orgName?: string;
  /** Where to go after login (already checked to be a path of this site). */
  readonly next?: string;
}): string {
  return renderLayout({
    title: "Đăng nhập",
    orgName: page.orgName,
    body: html`<h1>Đăng nhập</h1>
      ${page.error ? html`<p class="error" role="alert" id="login-error">${page.error}</p>` : ""}
      <form method="post" action="/staff/login" class="card narrow">
        ${page.next && page.next !== "/staff/cases" ? html`<input type="hidden" name="next" value="${page.next}">` : ""}
        <label for="username">Tên đăng nhập</label>
        <input id="username" name="username" autocomplete="username" required maxlength="64"
          value="${page.username ?? ""}" autofocus${page.error ? html` aria-describedby="login-error"` : ""}>
        <label for="password">Mật khẩu</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
        <button type="submit">Đăng nhập</button>
      </form>`,
  });
}
