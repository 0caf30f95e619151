import express, { type NextFunction, type Request, type Response, Router } from "express";
import { faqSchema } from "../../content/index.js";
import {
  FaqExistsError,
  FaqNotFoundError,
  FaqValidationError,
  faqCatalog,
  faqChanges,
  localDate,
  serializeFaq,
  unifiedDiff,
  VersionConflictError,
} from "../../curation/index.js";
import { CaseNotFoundError } from "../../escalation/index.js";
import { pageErrorHandler, sendPage } from "../console/index.js";
import { HttpError } from "../http-error.js";
import type { AdminDeps } from "./admin-deps.js";
import { adminGuard, adminOf } from "./admin-guard.js";
import { faqIdOf, groupIdOf } from "./admin-params.js";
import {
  amendedBodySchema,
  caseIdParam,
  currencyQuerySchema,
  faqListQuerySchema,
  noteBodySchema,
  restoreBodySchema,
  variantBodySchema,
} from "./admin-schemas.js";
import { caseDraft } from "./case-draft.js";
import { chatPreview } from "./chat-preview.js";
import { type FaqDraftInput, faqFromForm } from "./faq-form.js";
import { faqValues } from "./faq-values.js";
import { parseFormData } from "./parse-form-data.js";
import { renderAdminMessage } from "./render-admin-page.js";
import { renderCurrency } from "./render-currency.js";
import { type EditorPage, renderFaqEditor } from "./render-faq-editor.js";
import { renderFaqList } from "./render-faq-list.js";
import { renderHistory } from "./render-history.js";
import { renderInbox } from "./render-inbox.js";

const NOTICES: Readonly<Record<string, string>> = {
  created: 'Dạ, đã tạo bản nháp. Khi xong, bạn bấm "Gửi duyệt".',
  saved: "Dạ, đã lưu bản nháp.",
  submit: "Dạ, đã gửi duyệt. Một quản trị viên khác sẽ duyệt và xuất bản.",
  approve:
    "Dạ, đã duyệt và xuất bản. Trợ lý đã trả lời bằng nội dung mới từ bây giờ (nếu chạy nhiều máy chủ, các máy khác cập nhật trong khoảng 2 giây).",
  reject: "Dạ, đã trả lại để sửa.",
  retire: "Dạ, đã ngừng dùng câu hỏi mẫu này.",
  discard: "Dạ, đã bỏ bản sửa đang chờ.",
  restore: "Dạ, đã khôi phục bản cũ; bản này đang chờ duyệt.",
  variant: "Dạ, đã thêm cách hỏi. Câu hỏi mẫu đang chờ một quản trị viên khác duyệt.",
  dismissed: "Dạ, đã bỏ qua nhóm câu hỏi này.",
};

/** The editor's text as a file when it is valid enough, else its fields one per line (for the 409 panel). */
function asText(values: FaqDraftInput): string {
  const parsed = faqSchema.safeParse({ ...values, status: "draft" });
  return parsed.success ? serializeFaq(parsed.data) : JSON.stringify(values, null, 2);
}

/** Reads the editor's multipart body (UTF-8 as sent, up to 256 KB) into req.body. */
const editorBody = [
  express.raw({ type: "multipart/form-data", limit: "256kb" }),
  (req: Request, _res: Response, next: NextFunction) => {
    if (Buffer.isBuffer(req.body)) {
      const fields = parseFormData(req.body, req.get("content-type") ?? "");
      if (!fields) throw new HttpError(400, "bad_form", "Biểu mẫu gửi lên không đọc được. Bạn thử lại.");
      req.body = fields;
    }
    next();
  },
];

/**
 * The admin console at `/admin` (server-rendered, every value escaped; admins only, same login as /staff):
 * FAQ list, editor with live preview, workflow, history, unanswered inbox and currency.
 */
export function adminPagesRouter(deps: AdminDeps): Router {
  const { curation, org } = deps;
  const orgName = org.name;
  const now = deps.now ?? (() => new Date());
  const router = Router();
  const session = (res: Response) => adminOf(res).session;
  const by = (res: Response) => session(res).username;

  router.post(["/admin/faqs", "/admin/faqs/:id"], ...editorBody);
  router.use("/admin", adminGuard(deps.accounts, { page: true }));

  router.get("/admin", (_req, res) => res.redirect(303, "/admin/faqs"));

  router.get("/admin/faqs", async (req, res) => {
    const parsed = faqListQuerySchema.safeParse(req.query);
    const query = parsed.success ? parsed.data : faqListQuerySchema.parse({});
    const catalog = await faqCatalog({ curation, search: deps.search, now: now() }, query);
    sendPage(res, 200, renderFaqList({ session: session(res), catalog, query, orgName }));
  });

  const editor = (res: Response, status: number, page: Omit<EditorPage, "session" | "orgName" | "preview">) =>
    sendPage(
      res,
      status,
      renderFaqEditor({ ...page, session: session(res), orgName, preview: chatPreview(page.values, org) }),
    );

  router.get("/admin/faqs/new", async (req, res) => {
    const due = new Date(now());
    due.setUTCFullYear(due.getUTCFullYear() + 1);
    const fromCase = typeof req.query.fromCase === "string" ? req.query.fromCase : undefined;
    if (fromCase) {
      const id = caseIdParam.safeParse(fromCase);
      if (!id.success) throw new CaseNotFoundError(fromCase);
      const { username, role } = session(res);
      const draft = await caseDraft(deps.cases, { username, role }, id.data, now());
      return editor(res, 200, {
        values: faqValues(draft),
        source: `Soạn từ trả lời của cán bộ trong hồ sơ ${id.data}. Số điện thoại, số giấy tờ đã được xóa; bạn đọc lại để bỏ tên người và chi tiết riêng trước khi lưu.`,
      });
    }
    editor(res, 200, {
      values: {
        id: "",
        question: "",
        variants: [],
        topic: "",
        tags: [],
        audiences: [],
        legalBasis: [],
        reviewDue: localDate(due),
        needsLegalReview: [],
        related: [],
        answer: "",
      },
    });
  });

  router.post("/admin/faqs", async (req, res) => {
    const values = faqFromForm(req.body ?? {});
    try {
      const record = await curation.workflow.create(values, by(res));
      res.redirect(303, `/admin/faqs/${record.faq.id}?ok=created`);
    } catch (error) {
      if (error instanceof FaqValidationError) return editor(res, 400, { values, errors: error.fields });
      if (error instanceof FaqExistsError)
        return editor(res, 409, { values, errors: { id: "đã có câu hỏi mẫu với mã này, bạn chọn mã khác" } });
      throw error;
    }
  });

  async function viewOf(id: string) {
    const view = await curation.workflow.view(id);
    if (!view) throw new FaqNotFoundError(id);
    return view;
  }

  const statusOf = (view: Awaited<ReturnType<typeof viewOf>>) => ({
    state: view.state,
    liveStatus: view.live?.faq.status,
    pendingRevision: view.revision !== undefined,
    lastEditor: view.lastEditor,
    authors: view.authors,
    amended: view.amended,
    changes: view.live && view.revision ? faqChanges(view.live.faq, view.revision.faq) : undefined,
  });

  router.get("/admin/faqs/:id", async (req, res) => {
    const view = await viewOf(faqIdOf(req));
    const ok = String(req.query.ok ?? "");
    const ms = Number(req.query.ms);
    const notice =
      NOTICES[ok] &&
      (ok === "approve" && ms >= 0
        ? `${NOTICES[ok]} (Cập nhật chỉ mục: ${(ms / 1000).toLocaleString("vi-VN")} giây.)`
        : NOTICES[ok]);
    editor(res, 200, {
      id: view.id,
      values: faqValues(view.current.faq),
      version: view.current.version,
      status: statusOf(view),
      notice,
    });
  });

  router.post("/admin/faqs/:id", async (req, res) => {
    const id = faqIdOf(req);
    const values = { ...faqFromForm(req.body ?? {}), id };
    const version = typeof req.body?.version === "string" ? req.body.version : "";
    try {
      await curation.workflow.edit(values, version, by(res));
      res.redirect(303, `/admin/faqs/${id}?ok=saved`);
    } catch (error) {
      if (error instanceof FaqValidationError) {
        const view = await viewOf(id);
        return editor(res, 400, { id, values, version, status: statusOf(view), errors: error.fields });
      }
      if (error instanceof VersionConflictError) {
        const view = await viewOf(id);
        const theirs = view.current.text;
        const yours = asText(values);
        return editor(res, 409, {
          id,
          values,
          version: view.current.version,
          status: statusOf(view),
          conflict: {
            theirs,
            yours,
            diff: unifiedDiff(theirs, yours, { from: "bản hiện tại", to: "bản của bạn" }),
          },
        });
      }
      throw error;
    }
  });

  const back = (res: Response, id: string, ok: string, extra = "") =>
    res.redirect(303, `/admin/faqs/${id}?ok=${ok}${extra}`);

  router.post("/admin/faqs/:id/submit", async (req, res) => {
    const id = faqIdOf(req);
    await curation.workflow.submit(id, by(res));
    back(res, id, "submit");
  });

  router.post("/admin/faqs/:id/approve", async (req, res) => {
    const id = faqIdOf(req);
    const { reindexMs } = await curation.workflow.approve(id, by(res));
    back(res, id, "approve", `&ms=${reindexMs}`);
  });

  router.post("/admin/faqs/:id/reject", async (req, res) => {
    const id = faqIdOf(req);
    await curation.workflow.reject(id, by(res), noteBodySchema.parse(req.body ?? {}).note);
    back(res, id, "reject");
  });

  router.post("/admin/faqs/:id/retire", async (req, res) => {
    const id = faqIdOf(req);
    await curation.workflow.retire(id, by(res), noteBodySchema.parse(req.body ?? {}).note);
    back(res, id, "retire");
  });

  router.post("/admin/faqs/:id/discard", async (req, res) => {
    const id = faqIdOf(req);
    await curation.workflow.discard(id, by(res));
    back(res, id, "discard");
  });

  router.get("/admin/faqs/:id/history", async (req, res) => {
    const id = faqIdOf(req);
    await viewOf(id);
    const entries = await curation.workflow.history(id);
    sendPage(res, 200, renderHistory({ session: session(res), id, entries, orgName }));
  });

  router.post("/admin/faqs/:id/restore", async (req, res) => {
    const id = faqIdOf(req);
    await curation.workflow.restore(id, restoreBodySchema.parse(req.body ?? {}).seq, by(res));
    back(res, id, "restore");
  });

  router.get("/admin/inbox", async (req, res) => {
    const [inbox, live] = await Promise.all([curation.inbox.list(), curation.live.list()]);
    const ok = String(req.query.ok ?? "");
    sendPage(
      res,
      200,
      renderInbox({
        session: session(res),
        inbox,
        faqIds: live.map((r) => r.faq.id),
        notice: NOTICES[ok],
        orgName,
      }),
    );
  });

  router.post("/admin/inbox/:groupId/variant", async (req, res) => {
    const { faqId } = variantBodySchema.parse(req.body ?? {});
    await curation.inbox.addAsVariant(groupIdOf(req), faqId, by(res));
    back(res, faqId, "variant");
  });

  router.post("/admin/inbox/:groupId/draft", async (req, res) => {
    const draft = await curation.inbox.startDraft(groupIdOf(req), by(res));
    editor(res, 200, {
      values: faqValues(draft),
      source:
        "Soạn từ câu hỏi người dân chưa được trả lời. Bạn bổ sung câu trả lời, căn cứ pháp lý và chủ đề rồi tạo bản nháp.",
    });
  });

  router.post("/admin/inbox/:groupId/dismiss", async (req, res) => {
    await curation.inbox.dismiss(groupIdOf(req), by(res));
    res.redirect(303, "/admin/inbox?ok=dismissed");
  });

  /** What the currency page always shows: due for review, cited documents ending, claims to check. */
  const currencyLists = async () => {
    const [due, ending, legalReview] = await Promise.all([
      curation.currency.dueForReview(),
      curation.currency.ending(),
      curation.currency.forLegalReview(),
    ]);
    return { due, ending, legalReview };
  };

  router.get("/admin/currency", async (req, res) => {
    const parsed = currencyQuerySchema.safeParse(req.query);
    const document = parsed.success ? parsed.data.document : undefined;
    const [lists, citing] = await Promise.all([
      currencyLists(),
      document ? curation.currency.citing(document) : Promise.resolve([]),
    ]);
    sendPage(res, 200, renderCurrency({ session: session(res), ...lists, document, citing, orgName }));
  });

  router.post("/admin/currency/amended", async (req, res) => {
    const parsed = amendedBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const error = parsed.error.issues[0]?.message ?? "Bạn nhập số hoặc tên văn bản.";
      return sendPage(
        res,
        400,
        renderCurrency({ session: session(res), ...(await currencyLists()), citing: [], error, orgName }),
      );
    }
    const { document, note } = parsed.data;
    const flagged = await curation.currency.markAmended(document, by(res), note);
    const citing = await curation.currency.citing(document);
    sendPage(
      res,
      200,
      renderCurrency({
        session: session(res),
        ...(await currencyLists()),
        document,
        citing,
        flagged,
        orgName,
      }),
    );
  });

  router.use(
    "/admin",
    pageErrorHandler({
      render: renderAdminMessage,
      logger: deps.logger,
      failure: "admin page failed",
      orgName,
      back: (req, error, session) => {
        if (error.status === 401) return "/staff/login";
        if (session?.role !== "admin") return "/staff/cases";
        const onFaq = /^\/faqs\/([a-z0-9-]+)\//.exec(req.path);
        return onFaq ? `/admin/faqs/${onFaq[1]}` : "/admin/faqs";
      },
    }),
  );
  return router;
}
