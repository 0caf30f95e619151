import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisFaqFiles } from "../../src/curation/index.js";
import { type AdminTestApp, type Client, poll, startAdminApp } from "./support.js";

/** A marker of letters only (content:check flags long digit runs as phone numbers). */
const marker = () =>
  `Ghi chú kiểm tra ${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}.`;

let t: AdminTestApp;
let an: Client;
let binh: Client;

beforeAll(async () => {
  t = await startAdminApp();
  an = await t.login("qt.an");
  binh = await t.login("qt.binh");
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function load(id: string, client: Client) {
  const res = await t.request("GET", `/api/v1/admin/faqs/${id}`, { client });
  expect(res.status, res.text).toBe(200);
  return res.body as { version: string; faq: Record<string, unknown> & { answer: string }; state: string };
}

/** The loaded FAQ with one more paragraph at the end of its answer. */
function withLine(loaded: Awaited<ReturnType<typeof load>>, line: string) {
  return { ...loaded.faq, answer: `${loaded.faq.answer}\n\n${line}` };
}

function put(id: string, client: Client, faq: Record<string, unknown>, version: string) {
  return t.request("PUT", `/api/v1/admin/faqs/${id}`, {
    client,
    json: faq,
    headers: { "x-csrf-token": client.csrf, "if-match": `"${version}"` },
  });
}

const post = (path: string, client: Client, json: unknown = {}) =>
  t.request("POST", path, { client, json, headers: { "x-csrf-token": client.csrf } });

/** The editor form of a FAQ as a browser posts it (multipart). */
function form(faq: Record<string, unknown> & { answer: string }, client: Client, version: string) {
  const basis = faq.legalBasis as { document: string; number?: string; article?: string; clause?: string }[];
  return {
    _csrf: client.csrf,
    version,
    id: String(faq.id),
    question: String(faq.question),
    variants: faq.variants as string[],
    topic: String(faq.topic),
    tags: (faq.tags as string[]).join(", "),
    audiences: faq.audiences as string[],
    answer: faq.answer,
    basisDocument: basis.map((b) => b.document),
    basisNumber: basis.map((b) => b.number ?? ""),
    basisArticle: basis.map((b) => b.article ?? ""),
    basisClause: basis.map((b) => b.clause ?? ""),
    related: (faq.related as string[]).join(", "),
    reviewDue: String(faq.reviewDue),
    ...(faq.reviewedAt ? { reviewedAt: String(faq.reviewedAt) } : {}),
  };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** What a browser would post from the form with this id: inputs, checked boxes, selected options, textareas. */
function formFields(page: string, formId: string): Record<string, string | string[]> {
  const start = page.indexOf(`id="${formId}"`);
  const form = page.slice(start, page.indexOf("</form>", start));
  const out: Record<string, string[]> = {};
  const add = (name: string, value: string) => {
    out[name] = [...(out[name] ?? []), decode(value)];
  };
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, "name");
    const type = attr(tag, "type") ?? "text";
    if (!name || ((type === "checkbox" || type === "radio") && !/\schecked\b/.test(tag))) continue;
    add(name, attr(tag, "value") ?? "");
  }
  for (const [, open, body] of form.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) {
    const name = attr(open ?? "", "name");
    if (name) add(name, body ?? "");
  }
  for (const [, open, body] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const name = attr(open ?? "", "name");
    const selected = /<option value="([^"]*)" selected>/.exec(body ?? "")?.[1];
    if (name && selected !== undefined) add(name, selected);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? (v[0] ?? "") : v]));
}

/** Publishes in the API test (the browser test times five for the figures). */
const PUBLISHES = 2;

describe("editing FAQs in the admin console", () => {
  it("answers 409 with both versions when a second admin saves over an edit made since they loaded it", async () => {
    const id = "ho-tich-cai-chinh-sai-sot";
    const loadedByAn = await load(id, an);
    const loadedByBinh = await load(id, binh);
    const mine = marker();
    const saved = await put(id, an, withLine(loadedByAn, mine), loadedByAn.version);
    expect(saved.status, saved.text).toBe(200);

    const theirs = marker();
    const late = await put(id, binh, withLine(loadedByBinh, theirs), loadedByBinh.version);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("version_conflict");
    expect(late.body.current.version).toBe(saved.body.version);
    expect(late.body.current.text).toContain(mine);
    expect(late.body.yours.version).toBe(loadedByBinh.version);
    expect(late.body.yours.faq.answer).toContain(theirs);
    expect((await load(id, an)).faq.answer).not.toContain(theirs);

    // The page shows both versions side by side, escaped, and keeps what Bình typed in the form.
    const page = await t.request("POST", `/admin/faqs/${id}`, {
      client: binh,
      multipart: form(withLine(loadedByBinh, `${theirs} <b>đậm</b>`), binh, loadedByBinh.version),
    });
    expect(page.status).toBe(409);
    expect(page.text).toContain("Bản hiện tại (của người khác)");
    const theirsPre = /<pre class="text" id="theirs">([\s\S]*?)<\/pre>/.exec(page.text)?.[1] ?? "";
    const yoursPre = /<pre class="text" id="yours">([\s\S]*?)<\/pre>/.exec(page.text)?.[1] ?? "";
    expect(theirsPre).toContain(mine);
    expect(yoursPre).toContain(`${theirs} &lt;b&gt;đậm&lt;/b&gt;`);
    expect(page.text).not.toContain("<b>đậm</b>");
    // The form now carries the current version, so saving again is a deliberate overwrite.
    expect(page.text).toContain(`name="version" value="${saved.body.version}"`);
  });

  it("rejects invalid content with a message for each field and writes nothing", async () => {
    const id = "ho-tich-dang-ky-truc-tuyen";
    const store = redisFaqFiles(t.app.redis, t.app.config.redis.prefix, "live");
    const revisions = redisFaqFiles(t.app.redis, t.app.config.redis.prefix, "revisions");
    const before = await store.get(id);
    expect(before?.text).toContain(`id: ${id}`);
    const loaded = await load(id, an);
    const bad = { ...loaded.faq, question: "", variants: ["chỉ một cách hỏi"], reviewDue: "mai" };
    const api = await put(id, an, bad, loaded.version);
    expect(api.status).toBe(400);
    expect(Object.keys(api.body.error.fields)).toEqual(
      expect.arrayContaining(["question", "variants", "reviewDue"]),
    );

    const page = await t.request("POST", `/admin/faqs/${id}`, {
      client: an,
      multipart: form({ ...bad, answer: loaded.faq.answer }, an, loaded.version),
    });
    expect(page.status).toBe(400);
    expect(page.text).toMatch(
      /<input id="faq-question"[^>]*aria-invalid="true" aria-describedby="err-question">/,
    );
    expect(page.text).toMatch(/<p class="field-error" id="err-question">Câu hỏi chính: /);
    expect(page.text).toMatch(/<p class="field-error" id="err-variants">Cách hỏi khác: /);
    expect(page.text).toMatch(/<p class="field-error" id="err-reviewDue">Hạn rà soát: /);
    // What the admin typed stays in the form.
    expect(page.text).toContain('value="chỉ một cách hỏi"');

    expect(await store.get(id)).toEqual(before);
    expect(await revisions.get(id)).toBeUndefined();
    expect((await t.request("GET", `/api/v1/admin/faqs/${id}/history`, { client: an })).body.history).toEqual(
      [],
    );
  });

  it("keeps each basis entry's dates and source, the check date and the claims to review through the editor form", async () => {
    const id = "dvc-nop-phi-le-phi";
    const loaded = await load(id, an);
    const basis = loaded.faq.legalBasis as Record<string, string>[];
    const traced = {
      ...loaded.faq,
      legalBasis: basis.map((b, i) =>
        i === 0
          ? {
              ...b,
              effectiveFrom: "2025-07-01",
              effectiveUntil: "2027-02-28",
              verifiedAgainst: 'Văn bản gốc, Công báo; "trích" <điều> & khoản',
            }
          : b,
      ),
      verifiedAt: "2026-12-07",
      needsLegalReview: [
        "Mức phí 50.000 đồng: chưa tìm thấy văn bản",
        "Thời hạn 3 ngày, theo báo: cần đối chiếu",
      ],
    };
    const saved = await put(id, an, traced, loaded.version);
    expect(saved.status, saved.text).toBe(200);
    const stored = await load(id, an);
    expect(stored.faq).toMatchObject({
      verifiedAt: traced.verifiedAt,
      needsLegalReview: traced.needsLegalReview,
      legalBasis: traced.legalBasis,
    });

    // The editor shows every new field, escaped, and posting its form back unchanged changes nothing.
    const page = await t.request("GET", `/admin/faqs/${id}`, { client: an });
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="basisUntil" type="date" value="2027-02-28"');
    expect(page.text).toContain("&quot;trích&quot; &lt;điều&gt; &amp; khoản");
    const fields = formFields(page.text, "faq-form");
    expect(fields.needsLegalReview).toBe(traced.needsLegalReview.join("\n"));
    const resaved = await t.request("POST", `/admin/faqs/${id}`, { client: an, multipart: fields });
    expect(resaved.status, resaved.text).toBe(303);
    const after = await load(id, an);
    expect(after.faq).toEqual(stored.faq);

    // Clearing the fields in the form removes them from the file.
    const cleared = await t.request("POST", `/admin/faqs/${id}`, {
      client: an,
      multipart: { ...fields, version: after.version, verifiedAt: "", needsLegalReview: "", basisUntil: [] },
    });
    expect(cleared.status, cleared.text).toBe(303);
    const text =
      (await redisFaqFiles(t.app.redis, t.app.config.redis.prefix, "revisions").get(id))?.text ?? "";
    expect(text).not.toMatch(/verifiedAt|needsLegalReview|effectiveUntil/);
    expect(text).toContain("effectiveFrom: 2025-07-01");
  });

  it("does not let the last editor approve, and publishes when a second admin does: the ask API then answers with the new text", async () => {
    const id = "tgpl-ai-duoc-huong";
    const before = await load(id, an);
    const question = String(before.faq.question);
    const first = await t.app.ask({ text: question });
    expect(first.body.faqId).toBe(id);

    const durations: number[] = [];
    for (let round = 0; round < PUBLISHES; round++) {
      const loaded = await load(id, an);
      const text = marker();
      const saved = await put(id, an, withLine(loaded, text), loaded.version);
      expect(saved.status, saved.text).toBe(200);
      expect((await post(`/api/v1/admin/faqs/${id}/submit`, an)).status).toBe(200);

      const own = await post(`/api/v1/admin/faqs/${id}/approve`, an);
      expect(own.status).toBe(403);
      expect(own.body.error.code).toBe("four_eyes");
      expect(own.body.error.message).toContain("Bạn không thể tự duyệt bản mình vừa sửa");
      // Until approved, citizens keep the published text.
      expect((await t.app.ask({ text: question })).body.text).not.toContain(text);

      const started = performance.now();
      const approved = await post(`/api/v1/admin/faqs/${id}/approve`, binh);
      expect(approved.status, approved.text).toBe(200);
      await poll(
        async () => (await t.app.ask({ text: question })).body.text.includes(text),
        // A liveness limit, not a speed claim: publishing time is measured, not asserted.
        60_000,
        "the new answer",
      );
      durations.push(Math.round(performance.now() - started));
    }
    console.info(`publish → answer (API, ${PUBLISHES} publishes): ${durations.join(", ")} ms`);

    const history = (await t.request("GET", `/api/v1/admin/faqs/${id}/history`, { client: an })).body.history;
    expect(history.filter((e: { action: string }) => e.action === "approve")).toHaveLength(PUBLISHES);
    expect(
      history.every((e: { action: string; by: string }) => e.action !== "approve" || e.by === "qt.binh"),
    ).toBe(true);
  }, 180_000);
});
