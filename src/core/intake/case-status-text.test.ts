import { describe, expect, it } from "vitest";
import type { CaseStatusView } from "../ports.js";
import { caseCodeIn, caseStatusText } from "./case-status-text.js";
import { formatVietnamTime } from "./format-vietnam-time.js";

const view = (id: string, status: CaseStatusView["status"]): CaseStatusView => ({
  id,
  status,
  createdAt: "2026-11-26T17:30:00.000Z",
  firstResponseDueAt: "2026-11-27T03:30:00.000Z",
});

describe("case status text", () => {
  it("writes times in Vietnam time (UTC+7), crossing midnight", () => {
    expect(formatVietnamTime("2026-11-27T03:30:00.000Z")).toBe("10:30 ngày 27/11/2026");
    expect(formatVietnamTime("2026-12-31T17:05:00.000Z")).toBe("00:05 ngày 01/01/2027");
  });

  it("reads a case code however it is typed", () => {
    expect(caseCodeIn("mã tgpl 2026 000123 ạ")).toBe("TGPL-2026-000123");
    expect(caseCodeIn("hồ sơ của tôi")).toBeUndefined();
  });

  it("shows only the case asked for when it is the citizen's, and says so when it is not", () => {
    const views = [view("TGPL-2026-000002", "claimed"), view("TGPL-2026-000001", "open")];
    const one = caseStatusText(views, "TGPL-2026-000001");
    expect(one).toContain("TGPL-2026-000001 (gửi ngày 27/11/2026): đã nhận");
    expect(one).not.toContain("000002");
    const other = caseStatusText(views, "TGPL-2026-999999");
    expect(other).toContain("không thấy hồ sơ TGPL-2026-999999");
    expect(other).toContain("TGPL-2026-000002 (gửi ngày 27/11/2026): cán bộ đang xử lý.");
  });
});
