import { describe, expect, it } from "vitest";
import { href, isSafeUrl } from "./href.js";
import { html } from "./html.js";

describe("href", () => {
  it("accepts relative paths, queries, fragments and http(s) URLs", () => {
    for (const url of [
      "/staff/cases",
      "/staff/cases?tab=closed&offset=20",
      "?page=2",
      "#main",
      "faqs/ly-hon",
      "https://thuvienphapluat.vn/van-ban",
      "HTTP://example.gov.vn",
    ]) {
      expect(isSafeUrl(url), url).toBe(true);
    }
  });

  it("refuses other schemes, however they are disguised", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0001javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "tel:0901234567",
      "http:evil.example",
    ]) {
      expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
      expect(() => href(url)).toThrow(TypeError);
    }
  });

  it("refuses a link to another host that does not say http(s)", () => {
    for (const url of ["//evil.example/x", "/\\evil.example/x", "\\\\evil.example"]) {
      expect(isSafeUrl(url), url).toBe(false);
    }
  });

  it("escapes an accepted URL for its attribute", () => {
    const link = html`<a href="${href('/staff/cases?q="><script>&offset=1')}">x</a>`;
    expect(String(link)).toBe('<a href="/staff/cases?q=&quot;&gt;&lt;script&gt;&amp;offset=1">x</a>');
  });
});
