import { html, type SafeHtml } from "./html.js";

/** A base no real link resolves to: a URL resolved against it that keeps its origin was relative. */
const BASE = new URL("http://relative.invalid");

/**
 * Whether a URL may go into an `href` or `action`: a relative path (`/staff/cases`, `?page=2`, `#main`)
 * or an absolute http(s) URL. Anything with another scheme (`javascript:`, `data:`, `vbscript:`,
 * `tel:`) or that names another host without saying http(s) (`//host`, `/\host`) is refused; the
 * URL is parsed as a browser parses it, so tabs, newlines and control characters hide nothing.
 */
export function isSafeUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) return true;
  // Relative: no scheme of its own (`http:host` would take the page's host away) and no other host.
  return !/^[^/?#]*:/.test(trimmed) && parsed.origin === BASE.origin;
}

/**
 * A URL for an `href` or `action` attribute, escaped; throws on a URL {@link isSafeUrl} refuses. Every
 * console link is built by the code, so a refused URL is a bug to catch in tests, not a value to show.
 */
export function href(url: string): SafeHtml {
  if (!isSafeUrl(url)) throw new TypeError(`refused URL for a link: ${JSON.stringify(url.slice(0, 80))}`);
  return html`${url}`;
}
