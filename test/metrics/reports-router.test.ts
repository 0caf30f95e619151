import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportsRouter } from "../../src/http/metrics/index.js";
import { buildReportFrom } from "../../src/metrics/build-report.js";
import type { DateRange, Reports } from "../../src/metrics/index.js";
import { addDay, emptyAggregate } from "../../src/metrics/rollup-aggregate.js";
import { fakeAdminOnly, serve } from "./serve.js";

/** Reports over one fixed day of rollups, recording the ranges asked for. */
function fakeReports(asked: DateRange[]): Reports {
  const agg = emptyAggregate();
  addDay(agg, "2026-03-01", { "u|web|dat-dai|answer": "4", "p|khac|child|answered": "1" });
  const build = async (range: DateRange) => {
    asked.push(range);
    return buildReportFrom(agg, range.from, range.to, new Date("2026-07-01T00:00:00Z"));
  };
  return {
    buildReport: build,
    sixMonthReport: (y) => build({ from: `${y}-01-01`, to: `${y}-06-30` }),
    annualReport: (y) => build({ from: `${y}-01-01`, to: `${y}-12-31` }),
    dashboardData: () => Promise.reject(new Error("not used")),
  };
}

describe("GET /api/v1/admin/reports", () => {
  const asked: DateRange[] = [];
  let server: Awaited<ReturnType<typeof serve>>;
  const get = (query: string, role: string | null = "admin") =>
    fetch(`${server.url}/api/v1/admin/reports${query}`, { headers: role ? { "x-test-role": role } : {} });

  beforeAll(async () => {
    server = await serve([
      reportsRouter({ reports: fakeReports(asked), authorize: fakeAdminOnly, orgName: "Sở Tư pháp <ví dụ>" }),
    ]);
  });
  afterAll(() => server.close());

  it("returns 401 without a session and 403 for staff who are not admins, before reading anything", async () => {
    expect((await get("?from=2026-01-01&to=2026-06-30", null)).status).toBe(401);
    expect((await get("?from=2026-01-01&to=2026-06-30", "staff")).status).toBe(403);
    expect((await get("?from=2026-01-01&to=2026-06-30", "supervisor")).status).toBe(403);
    expect(asked).toHaveLength(0);
  });

  it("answers the report as JSON for an admin", async () => {
    const res = await get("?from=2026-01-01&to=2026-06-30");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.from).toBe("2026-01-01");
    expect(body.totals.contacts).toBe(5);
    expect(asked.at(-1)).toEqual({ from: "2026-01-01", to: "2026-06-30" });
  });

  it.each([
    ["?from=2026-02-30&to=2026-03-01", "not a real date"],
    ["?from=2026-1-1&to=2026-03-01", "not YYYY-MM-DD"],
    ["?to=2026-03-01", "missing from"],
    ["?from=2026-03-02&to=2026-03-01", "from after to"],
    ["?from=2023-01-01&to=2026-01-01", "more than 3 years"],
    ["?from=2026-01-01&to=2026-01-02&format=pdf", "unknown format"],
    ["?from=2026-01-01&to=2026-01-02&format=csv&sep=tab", "unknown CSV separator"],
    ["?from=2026-01-01&from=2026-01-02&to=2026-01-03", "from given twice"],
  ])("returns 400 with a Vietnamese message for %s (%s)", async (query) => {
    const before = asked.length;
    const res = await get(query);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    expect(asked.length).toBe(before);
  });

  it("accepts a range of just under 3 years", async () => {
    expect((await get("?from=2023-01-02&to=2026-01-01")).status).toBe(200);
  });

  it("sends CSV with a BOM, XLSX and printable HTML with their types and file names", async () => {
    const csv = await get("?from=2026-01-01&to=2026-06-30&format=csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(
      'attachment; filename="bao-cao-2026-01-01_2026-06-30.csv"',
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("Lượt tiếp nhận theo kênh");

    const xlsx = await get("?from=2026-01-01&to=2026-06-30&format=xlsx");
    expect(xlsx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.headers.get("content-disposition")).toBe(
      'attachment; filename="bao-cao-2026-01-01_2026-06-30.xlsx"',
    );
    const zip = new Uint8Array(await xlsx.arrayBuffer());
    expect(String.fromCharCode(zip[0] ?? 0, zip[1] ?? 0)).toBe("PK");

    const html = await get("?from=2026-01-01&to=2026-06-30&format=html");
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-disposition")).toBe(
      'inline; filename="bao-cao-2026-01-01_2026-06-30.html"',
    );
    const page = await html.text();
    expect(page).toContain("Sở Tư pháp &lt;ví dụ&gt;");
    expect(page).not.toContain("<ví dụ>");
    expect(page).toContain("@media print");
    expect(page).not.toContain("<script");
  });
});
