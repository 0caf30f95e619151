import type { Engine, FaqHit, FaqSearch, Reply } from "../core/index.js";
import { normalize } from "../core/index.js";
import { ABOUT_DELETING, type EvalQuestion } from "./eval-question.js";

/** What happened to one question. */
export interface EvalOutcome {
  readonly q: EvalQuestion;
  readonly kind: string;
  readonly intent?: string;
  readonly faqId?: string;
  /** FAQs the engine offered after its answer ("Hoặc bạn muốn hỏi") or as choices. */
  readonly offered?: string[];
  /**
   * FAQs ranked for the question, best first: the search's ranking of a question asked alone; for a
   * question asked after `context`, what the reply offered (its answer, then its suggestions).
   */
  readonly ranked: string[];
  /** The reply named an emergency number (113, 114 or 115), whatever its kind. */
  readonly numbersShown?: boolean;
  /** Search scores of the top 3, for calibrating thresholds. */
  readonly scores: number[];
  /** Coverage of the first hit. */
  readonly coverage: number;
  /** The search's top hits (a question asked alone), for calibrating the answer rule. */
  readonly hits?: readonly FaqHit[];
  readonly confidence?: number;
}

interface Rate {
  n: number;
  ok: number;
  rate: number;
}

const EMERGENCY_NUMBER = /(?<!\d)11[345](?!\d)/;

const rate = (ok: number, n: number): Rate => ({ n, ok, rate: n ? Math.round((ok / n) * 1000) / 10 : 0 });

/** The report `npm run eval` prints and writes. Rates are percentages. */
export interface EvalReport {
  questions: number;
  top1: Rate;
  /** Top-1 over questions about one thing (two-topic questions accept either FAQ, so they are easier). */
  top1OneTopic: Rate;
  top3: Rate;
  answeredCorrectly: Rate;
  /** In-scope questions asked one clarifying question ("xe máy hay ô tô?"); `ok`: the right FAQ is an option. */
  clarified: Rate;
  /** In-scope questions answered outright (an answer, with or without alternatives). */
  answeredOutright: Rate;
  /** Answers whose FAQ is not the expected one, of all answers (out-of-scope answers included). */
  wrongConfidentAnswers: Rate;
  /** Wrong answers that offered no right FAQ after them either, of all answers. */
  confidentWrong: Rate;
  outOfScopeDeclined: Rate;
  outOfScopeFallback: Rate;
  emergencyRecall: Rate;
  /**
   * Dangers now whose reply named 113, 114 or 115: an emergency reply, or one that did not understand
   * the message (those name the numbers too). What a person in danger sees, detector or not.
   */
  emergencyNumbersShown: Rate;
  falseEmergencies: Rate;
  /** Ordinary questions with a danger word ("án treo") that got no emergency reply. */
  dangerWordsCalm: Rate;
  escalationRouting: Rate;
  intents: Rate;
  /** Questions about deleting something (residence, criminal record, a debt…) not read as "delete my data". */
  aboutDeletingAnswered: Rate;
  byTopic: Record<string, { top1: Rate; top3: Rate }>;
  byStyle: Record<string, { top1: Rate; top3: Rate }>;
  misses: { text: string; expected: string; got: string; ranked: string[] }[];
}

/** Whether `id` is an answer the question accepts (its expected FAQ or one of its alternatives). */
export const accepts = (q: EvalQuestion, id: string | undefined) =>
  !!id && (id === q.expectFaqId || (q.acceptFaqIds ?? []).includes(id));

/** Runs every question through the engine (own session each) and the ranking through search. */
export async function runEval(
  questions: readonly EvalQuestion[],
  engine: Engine,
  search: FaqSearch,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<EvalOutcome[]> {
  const out: EvalOutcome[] = [];
  let i = 0;
  for (const q of questions) {
    const sessionId = `eval-${i}`;
    for (const text of q.context ?? []) await engine.handle({ channel: "api", sessionId, text });
    const reply = await engine.handle({ channel: "api", sessionId, text: q.text });
    const hits = q.context?.length ? [] : await search.search(normalize(q.text), { limit: 5 });
    const offered = reply.suggestions.map((s) => s.faqId);
    out.push({
      q,
      kind: reply.kind,
      numbersShown: EMERGENCY_NUMBER.test(reply.text),
      intent: reply.intent,
      faqId: reply.faqId,
      offered,
      ranked: q.context?.length ? offeredFaqs(reply) : hits.slice(0, 3).map((h) => h.faq.id),
      scores: hits.slice(0, 3).map((h) => h.score),
      coverage: hits[0]?.coverage ?? 1,
      hits,
      confidence: reply.confidence,
    });
    onProgress(++i, questions.length);
  }
  return out;
}

/** The reply began a deletion (asked to confirm one, or did one). */
const destructive = (o: EvalOutcome) => o.intent === "delete-data" || o.intent === "delete-confirm";

/** The FAQs a reply offers, first first: its answer, then its suggestions. */
function offeredFaqs(reply: Reply): string[] {
  return [...new Set([...(reply.faqId ? [reply.faqId] : []), ...reply.suggestions.map((s) => s.faqId)])];
}

/** Whether an answer was wrong and offered no right FAQ after it either. */
export const confidentlyWrong = (o: EvalOutcome) =>
  o.kind === "answer" &&
  !accepts(o.q, o.faqId) &&
  !(o.q.expectFaqId && o.offered?.some((id) => accepts(o.q, id)));

/** Turns outcomes into the report. */
export function summarize(outcomes: readonly EvalOutcome[]): EvalReport {
  const labeled = outcomes.filter((o) => o.q.expectFaqId);
  const oneTopic = labeled.filter((o) => o.q.style !== "two-topics");
  const oos = outcomes.filter((o) => o.q.expectKind === "fallback");
  const emergencies = outcomes.filter((o) => o.q.expectKind === "emergency");
  const escalations = outcomes.filter((o) => o.q.expectKind === "escalate");
  const intents = outcomes.filter((o) => ["greeting", "thanks", "help"].includes(o.q.expectKind ?? ""));
  const aboutDeleting = outcomes.filter((o) => o.q.category === ABOUT_DELETING);
  // Questions about deleting, and ordinary questions with a danger word that name no FAQ (the held-out
  // emergency sets), carry no expected FAQ: their answers are neither right nor wrong here.
  const judged = outcomes.filter(
    (o) => o.q.category !== ABOUT_DELETING && !(o.q.expectKind === "not-emergency" && !o.q.expectFaqId),
  );
  const nonEmergency = outcomes.filter((o) => o.q.expectKind !== "emergency");
  const top1 = (o: EvalOutcome) => accepts(o.q, o.ranked[0]);
  const top3 = (o: EvalOutcome) => o.ranked.slice(0, 3).some((id) => accepts(o.q, id));
  const group = (key: (o: EvalOutcome) => string) => {
    const groups: Record<string, EvalOutcome[]> = {};
    for (const o of labeled) {
      const k = key(o);
      groups[k] = [...(groups[k] ?? []), o];
    }
    return Object.fromEntries(
      Object.entries(groups)
        .sort()
        .map(([k, os]) => [
          k,
          { top1: rate(os.filter(top1).length, os.length), top3: rate(os.filter(top3).length, os.length) },
        ]),
    );
  };
  return {
    questions: outcomes.length,
    top1: rate(labeled.filter(top1).length, labeled.length),
    top1OneTopic: rate(oneTopic.filter(top1).length, oneTopic.length),
    top3: rate(labeled.filter(top3).length, labeled.length),
    answeredCorrectly: rate(
      labeled.filter((o) => o.kind === "answer" && accepts(o.q, o.faqId)).length,
      labeled.length,
    ),
    answeredOutright: rate(labeled.filter((o) => o.kind === "answer").length, labeled.length),
    // A clarification is a `choices` reply: it is not an answer, and it is right when its options hold the FAQ.
    clarified: rate(
      labeled.filter((o) => o.intent === "clarify" && o.offered?.some((id) => accepts(o.q, id))).length,
      labeled.filter((o) => o.intent === "clarify").length,
    ),
    confidentWrong: rate(
      judged.filter(confidentlyWrong).length,
      judged.filter((o) => o.kind === "answer").length,
    ),
    wrongConfidentAnswers: rate(
      judged.filter((o) => o.kind === "answer" && !accepts(o.q, o.faqId)).length,
      judged.filter((o) => o.kind === "answer").length,
    ),
    outOfScopeDeclined: rate(oos.filter((o) => o.kind !== "answer").length, oos.length),
    outOfScopeFallback: rate(
      oos.filter((o) => o.kind === "fallback" || o.kind === "escalate").length,
      oos.length,
    ),
    emergencyRecall: rate(emergencies.filter((o) => o.kind === "emergency").length, emergencies.length),
    emergencyNumbersShown: rate(emergencies.filter((o) => o.numbersShown).length, emergencies.length),
    dangerWordsCalm: rate(
      outcomes.filter((o) => o.q.expectKind === "not-emergency" && o.kind !== "emergency").length,
      outcomes.filter((o) => o.q.expectKind === "not-emergency").length,
    ),
    falseEmergencies: rate(nonEmergency.filter((o) => o.kind === "emergency").length, nonEmergency.length),
    escalationRouting: rate(escalations.filter((o) => o.kind === "escalate").length, escalations.length),
    intents: rate(intents.filter((o) => o.intent === o.q.expectKind).length, intents.length),
    aboutDeletingAnswered: rate(aboutDeleting.filter((o) => !destructive(o)).length, aboutDeleting.length),
    byTopic: group((o) => o.q.topic ?? "?"),
    byStyle: group((o) => o.q.style),
    misses: outcomes
      .filter((o) =>
        o.q.category === ABOUT_DELETING
          ? destructive(o)
          : o.q.expectFaqId
            ? !top1(o) || (o.kind === "answer" && !accepts(o.q, o.faqId))
            : o.q.expectKind === "fallback"
              ? o.kind === "answer"
              : o.q.expectKind === "not-emergency"
                ? o.kind === "emergency"
                : ["greeting", "thanks", "help"].includes(o.q.expectKind ?? "")
                  ? o.intent !== o.q.expectKind
                  : o.kind !== o.q.expectKind,
      )
      .map((o) => ({
        text: o.q.text,
        expected: o.q.expectFaqId ?? o.q.expectKind ?? "?",
        got: `${o.kind}${o.faqId ? `:${o.faqId}` : ""}${o.intent ? `(${o.intent})` : ""}`,
        ranked: o.ranked,
      })),
  };
}
