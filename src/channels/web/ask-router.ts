import { randomUUID } from "node:crypto";
import { type Request, Router } from "express";
import type { Engine, FaqSearch, OrgInfo, Reply } from "../../core/index.js";
import { fillPlaceholders, scrub } from "../../core/index.js";
import { HttpError } from "../../http/index.js";
import { askRequestSchema } from "./ask-schema.js";
import { clientNetwork } from "./client-network.js";
import type { WebHistory, WebHistoryEntry } from "./web-history.js";

/** Admission control for the ask API; resolves, or rejects with seconds to wait. */
export interface AskLimiter {
  consume(ip: string, sessionId: string | undefined): Promise<void>;
}

/** Thrown by a limiter when a caller asked too often. */
export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(readonly retryAfterSeconds: number) {
    super("rate limited");
  }
}

/**
 * The public ask API response: the DESIGN.md contract, plus `sessionId`, `intent`, `buttons` and,
 * on a `choices` reply that asks one question, `clarification`.
 */
export function toAskResponse(reply: Reply, sessionId: string) {
  return {
    kind: reply.kind,
    text: reply.text,
    ...(reply.faqId ? { faqId: reply.faqId } : {}),
    ...(reply.confidence !== undefined ? { confidence: reply.confidence } : {}),
    suggestions: reply.suggestions.map((s) => ({ faqId: s.faqId, question: s.question })),
    ...(reply.legalBasis ? { legalBasis: reply.legalBasis.map((l) => ({ ...l })) } : {}),
    sessionId,
    ...(reply.intent ? { intent: reply.intent } : {}),
    ...(reply.emergency ? { emergency: reply.emergency } : {}),
    ...(reply.clarification
      ? {
          clarification: {
            attribute: reply.clarification.attribute,
            question: reply.clarification.question,
            options: reply.clarification.options.map((o) => ({ faqId: o.faqId, label: o.label })),
          },
        }
      : {}),
    ...(reply.translated ? { translated: true } : {}),
    buttons: reply.buttons,
  };
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return "Yêu cầu không hợp lệ.";
  return issue.path.length === 0
    ? "Nội dung gửi lên phải là một đối tượng JSON có trường text."
    : issue.message;
}

/** `POST /api/v1/ask` and `GET /api/v1/faqs/:id`: the web chat and evaluation use them. */
export function askRouter(deps: {
  engine: Engine;
  search: FaqSearch;
  org: OrgInfo;
  limiter?: AskLimiter;
  /** The web chat's conversation kept on the server (GET /api/v1/history reads it back). */
  history?: WebHistory;
  onError?: (error: unknown, where: string) => void;
}): Router {
  const router = Router();

  /** Keeps the turn for the page's next load; a failure costs only the copy, never the answer. */
  async function remember(sessionId: string, text: string, reply: Reply): Promise<void> {
    if (!deps.history) return;
    try {
      if (reply.intent === "delete-data") return await deps.history.clear(sessionId);
      const at = new Date().toISOString();
      // Phone and ID numbers typed during an intake are not kept in the copy.
      const citizen: WebHistoryEntry = {
        role: "citizen",
        text: scrub(text),
        at,
        ...(reply.intent === "thread-message" ? { toOfficer: true } : {}),
      };
      if (reply.intent === "thread-message") return await deps.history.append(sessionId, citizen);
      await deps.history.append(sessionId, citizen, {
        role: "bot",
        text: reply.text,
        at,
        kind: reply.kind,
        ...(reply.intent ? { intent: reply.intent } : {}),
        buttons: reply.buttons,
        ...(reply.legalBasis ? { legalBasis: reply.legalBasis } : {}),
      });
    } catch (error) {
      deps.onError?.(error, "web-history");
    }
  }

  router.post("/api/v1/ask", async (req: Request, res) => {
    if (!req.is("application/json")) {
      throw new HttpError(415, "unsupported_media_type", "Hãy gửi JSON với Content-Type: application/json.");
    }
    const parsed = askRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, "invalid_request", firstIssue(parsed.error));
    const sessionId = parsed.data.sessionId ?? randomUUID();
    try {
      await deps.limiter?.consume(req.ip ?? "unknown", parsed.data.sessionId);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        throw new HttpError(429, "rate_limited", "Bạn gửi nhanh quá, vui lòng chờ một chút rồi hỏi tiếp.", {
          headers: { "Retry-After": String(error.retryAfterSeconds) },
        });
      }
      throw error;
    }
    const reply = await deps.engine.handle({
      channel: "web",
      sessionId,
      text: parsed.data.text,
      action: parsed.data.action,
      origin: clientNetwork(req.ip),
    });
    await remember(sessionId, parsed.data.text, reply);
    res.json(toAskResponse(reply, sessionId));
  });

  router.get("/api/v1/faqs/:id", async (req, res) => {
    const faq = await deps.search.get(String(req.params.id));
    if (!faq) throw new HttpError(404, "not_found", "Không tìm thấy câu hỏi này.");
    res.json({
      id: faq.id,
      question: faq.question,
      answer: fillPlaceholders(faq.answer, deps.org),
      variants: faq.variants ?? [],
      topic: faq.topic,
      tags: faq.tags ?? [],
      audiences: faq.audiences ?? [],
      legalBasis: faq.legalBasis,
      related: faq.related,
      ...(faq.facets ? { facets: faq.facets } : {}),
    });
  });

  return router;
}
