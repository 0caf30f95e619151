import type { Faq } from "../../content/index.js";
import { html, type SafeHtml } from "../console/index.js";

/** A FAQ in a list: its question linked to the editor, its id below. */
export function faqTitle(faq: Pick<Faq, "id" | "question">): SafeHtml {
  return html`<a href="/admin/faqs/${faq.id}">${faq.question}</a><br><small class="meta">${faq.id}</small>`;
}
