import { type Request, type Response, Router } from "express";
import { FaqNotFoundError, faqCatalog, VersionConflictError } from "../../curation/index.js";
import { httpError } from "../error-status.js";
import { HttpError } from "../http-error.js";
import { caseIdOf } from "../staff/index.js";
import type { AdminDeps } from "./admin-deps.js";
import { adminGuard, adminOf } from "./admin-guard.js";
import { faqIdOf, groupIdOf } from "./admin-params.js";
import {
  amendedBodySchema,
  currencyQuerySchema,
  faqListQuerySchema,
  noteBodySchema,
  previewBodySchema,
  restoreBodySchema,
  variantBodySchema,
} from "./admin-schemas.js";
import { caseDraft } from "./case-draft.js";
import { chatPreview } from "./chat-preview.js";

const by = (res: Response) => adminOf(res).session.username;

/** The FAQ fields of a JSON body (the version and CSRF token travel beside them). */
function faqBody(req: Request): Record<string, unknown> {
  const body = req.body;
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new HttpError(400, "bad_request", "Nội dung gửi lên phải là một câu hỏi mẫu (JSON).");
  const { version: _v, _csrf: _c, ...faq } = body as Record<string, unknown>;
  return faq;
}

/** The version the editor loaded: `If-Match` (quotes allowed) or the body's `version`. */
function expectedVersion(req: Request): string {
  const header = req.get("if-match")?.replace(/^W\//, "").replace(/^"|"$/g, "");
  const field = (req.body as Record<string, unknown> | undefined)?.version;
  const version = header || (typeof field === "string" ? field : "");
  if (!version)
    throw new HttpError(428, "version_required", "Thiếu phiên bản đã tải (If-Match), không lưu được.");
  return version;
}

/**
 * The admin JSON API at `/api/v1/admin` (admins only, CSRF token in `x-csrf-token` on every state change):
 * FAQs (list, view, create, edit with If-Match, submit, reject, approve, retire, discard, history, restore),
 * the chat preview, the unanswered inbox, currency and drafts from closed cases.
 */
export function adminApiRouter(deps: AdminDeps): Router {
  const { curation } = deps;
  const now = deps.now ?? (() => new Date());
  const router = Router();
  // Drafts from staff replies, inbox samples and reports: never kept by a browser or proxy.
  router.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  router.use(adminGuard(deps.accounts, { page: false }));

  router.get("/faqs", async (req, res) => {
    const query = faqListQuerySchema.parse(req.query);
    const catalog = await faqCatalog({ curation, search: deps.search, now: now() }, query);
    res.json({
      counts: catalog.counts,
      faqs: catalog.rows.map((r) => ({
        id: r.faq.id,
        question: r.faq.question,
        topic: r.faq.topic,
        audiences: r.faq.audiences,
        state: r.state,
        liveStatus: r.liveStatus,
        reviewDue: r.faq.reviewDue,
        due: r.due,
        up: r.satisfaction?.up ?? 0,
        down: r.satisfaction?.down ?? 0,
        lowSatisfaction: r.low,
      })),
    });
  });

  router.post("/faqs", async (req, res) => {
    const record = await curation.workflow.create(faqBody(req), by(res));
    res.status(201).set("ETag", `"${record.version}"`).json({ faq: record.faq, version: record.version });
  });

  router.get("/faqs/:id", async (req, res) => {
    const id = faqIdOf(req);
    const view = await curation.workflow.view(id);
    if (!view) throw new FaqNotFoundError(id);
    res.set("ETag", `"${view.current.version}"`).json({
      id: view.id,
      state: view.state,
      version: view.current.version,
      faq: view.current.faq,
      text: view.current.text,
      live: view.live ? { version: view.live.version, status: view.live.faq.status } : undefined,
      pendingRevision: view.revision !== undefined,
      lastEditor: view.lastEditor,
      authors: view.authors,
      amended: view.amended,
      preview: chatPreview(view.current.faq, deps.org),
    });
  });

  router.put("/faqs/:id", async (req, res) => {
    const id = faqIdOf(req);
    const faq = { ...faqBody(req), id };
    const version = expectedVersion(req);
    try {
      const record = await curation.workflow.edit(faq, version, by(res));
      res.set("ETag", `"${record.version}"`).json({ faq: record.faq, version: record.version });
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      const current = await curation.workflow.view(id);
      const conflict = httpError("version_conflict");
      res.status(conflict.status).json({
        ...conflict.body(),
        current: current
          ? { version: current.current.version, faq: current.current.faq, text: current.current.text }
          : null,
        yours: { version, faq },
      });
    }
  });

  const move = (action: "submit" | "discard") =>
    router.post(`/faqs/:id/${action}`, async (req, res) => {
      const id = faqIdOf(req);
      if (action === "submit") await curation.workflow.submit(id, by(res));
      else await curation.workflow.discard(id, by(res));
      res.json({ ok: true, view: await viewSummary(id) });
    });
  move("submit");
  move("discard");

  router.post("/faqs/:id/reject", async (req, res) => {
    const id = faqIdOf(req);
    await curation.workflow.reject(id, by(res), noteBodySchema.parse(req.body ?? {}).note);
    res.json({ ok: true, view: await viewSummary(id) });
  });

  router.post("/faqs/:id/approve", async (req, res) => {
    const { record, reindexMs } = await curation.workflow.approve(faqIdOf(req), by(res));
    res.json({ ok: true, version: record.version, status: record.faq.status, reindexMs });
  });

  router.post("/faqs/:id/retire", async (req, res) => {
    const note = noteBodySchema.parse(req.body ?? {}).note;
    const { record, reindexMs } = await curation.workflow.retire(faqIdOf(req), by(res), note);
    res.json({ ok: true, version: record.version, status: record.faq.status, reindexMs });
  });

  router.get("/faqs/:id/history", async (req, res) => {
    const id = faqIdOf(req);
    if (!(await curation.workflow.view(id))) throw new FaqNotFoundError(id);
    res.json({ history: await curation.workflow.history(id) });
  });

  router.post("/faqs/:id/restore", async (req, res) => {
    const { seq } = restoreBodySchema.parse(req.body ?? {});
    const record = await curation.workflow.restore(faqIdOf(req), seq, by(res));
    res.json({ ok: true, version: record.version, status: record.faq.status });
  });

  router.post("/preview", (req, res) => {
    res.json({ text: chatPreview(previewBodySchema.parse(req.body ?? {}), deps.org) });
  });

  router.get("/inbox", async (_req, res) => {
    res.json(await curation.inbox.list());
  });

  router.post("/inbox/:groupId/variant", async (req, res) => {
    const { faqId: target } = variantBodySchema.parse(req.body ?? {});
    const record = await curation.inbox.addAsVariant(groupIdOf(req), target, by(res));
    res.json({ ok: true, faqId: target, version: record.version, status: record.faq.status });
  });

  router.post("/inbox/:groupId/draft", async (req, res) => {
    res.json({ draft: await curation.inbox.startDraft(groupIdOf(req), by(res)) });
  });

  router.post("/inbox/:groupId/dismiss", async (req, res) => {
    await curation.inbox.dismiss(groupIdOf(req), by(res));
    res.json({ ok: true });
  });

  router.get("/currency", async (req, res) => {
    const { document } = currencyQuerySchema.parse(req.query);
    const [due, citing, ending, legalReview] = await Promise.all([
      curation.currency.dueForReview(),
      document ? curation.currency.citing(document) : Promise.resolve([]),
      curation.currency.ending(),
      curation.currency.forLegalReview(),
    ]);
    const brief = (r: (typeof due)[number]) => ({
      id: r.faq.id,
      question: r.faq.question,
      status: r.faq.status,
      reviewDue: r.faq.reviewDue,
    });
    res.json({
      due: due.map(brief),
      document,
      citing: citing.map(brief),
      ending: ending.map((e) => ({ ...brief(e.record), basis: e.basis, past: e.past })),
      legalReview: legalReview.map((r) => ({
        ...brief(r),
        verifiedAt: r.faq.verifiedAt,
        needsLegalReview: r.faq.needsLegalReview,
      })),
    });
  });

  router.post("/currency/amended", async (req, res) => {
    const { document, note } = amendedBodySchema.parse(req.body ?? {});
    res.json({ flagged: await curation.currency.markAmended(document, by(res), note) });
  });

  router.get("/drafts/from-case/:caseId", async (req, res) => {
    const { username, role } = adminOf(res).session;
    res.json({ draft: await caseDraft(deps.cases, { username, role }, caseIdOf(req, "caseId"), now()) });
  });

  async function viewSummary(id: string) {
    const view = await curation.workflow.view(id);
    return view && { state: view.state, version: view.current.version, authors: view.authors };
  }

  router.use((_req, _res, next) => next(httpError("not_found")));
  return router;
}
