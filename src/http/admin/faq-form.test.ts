import { describe, expect, it } from "vitest";
import { faqFromForm } from "./faq-form.js";

describe("faqFromForm", () => {
  it("reads facets typed one a line as attribute: values, so an edit keeps them", () => {
    const draft = faqFromForm({
      facets: "việc: quá tốc độ\r\nphương tiện: xe máy, mô tô, xe gắn máy\r\n",
    });
    expect(draft.facets).toEqual({ việc: ["quá tốc độ"], "phương tiện": ["xe máy", "mô tô", "xe gắn máy"] });
  });

  it("leaves facets out when the field is blank", () => {
    expect("facets" in faqFromForm({ facets: "  " })).toBe(false);
  });
});
