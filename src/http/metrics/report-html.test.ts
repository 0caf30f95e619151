import { describe, expect, it } from "vitest";
import type { Report } from "../../metrics/index.js";
import { reportToHtml } from "./report-html.js";

const SCRIPT = '<script>alert("x")</script>';

const report: Report = {
  from: "2026-01-01",
  to: "2026-06-30",
  generatedAt: "2026-07-01T02:00:00.000Z",
  totals: {
    contacts: 1,
    chatQuestions: 1,
    conversations: 1,
    calls: 0,
    callMinutes: 0,
    casesCreated: 0,
    casesClosed: 0,
    slaBreaches: 0,
    slaReminders: 0,
    excludedQuestions: 0,
    flaggedSessions: 0,
    flaggedAddresses: 0,
    unusualDays: 0,
  },
  responseTimes: { count: 0, medianMs: null, p90Ms: null },
  satisfaction: {
    thumbsUp: 0,
    thumbsDown: 0,
    upRate: null,
    ratingCount: 0,
    ratingSum: 0,
    ratingAverage: null,
  },
  tables: [
    {
      id: "kinds",
      title: `Câu hỏi ${SCRIPT}`,
      note: `Người dân hỏi: ${SCRIPT}`,
      columns: [{ key: "count", label: `Lượt ${SCRIPT}` }],
      rows: [{ key: "q", label: `Tôi muốn ly hôn ${SCRIPT} & chia tài sản`, values: { count: 1 } }],
      total: { count: 1 },
    },
  ],
};

describe("reportToHtml", () => {
  it("escapes user text (a question with a <script>) in titles, labels, notes and the organisation", () => {
    const page = reportToHtml(report, { orgName: `Trung tâm ${SCRIPT}` });
    expect(page).not.toContain("<script");
    expect(page).toContain(
      "Tôi muốn ly hôn &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; chia tài sản",
    );
    expect(page).toContain('<p class="org">Trung tâm &lt;script&gt;');
    expect(page).toContain("Ghi chú: Người dân hỏi: &lt;script&gt;");
  });
});
