import type { IntakeState, SessionState } from "./ports.js";
import type { Reply } from "./reply.js";

/** Enough for the conversation before an intake plus the intake itself. */
const MAX_TURNS = 40;
const MAX_SHOWN_FAQS = 20;
/** A follow-up adds to the question before; a long story is cut to this. */
const MAX_QUERY = 600;
/** What the transcript shows instead of a phone number. */
export const PHONE_MASK = "[số điện thoại]";

/** What one message changes in the session besides the reply (intake, rating, transcript). */
export interface TurnEffects {
  intake: IntakeState | undefined;
  pendingRating: string | undefined;
  /** A deletion asked for and not yet confirmed (ISO time of the request). */
  pendingDelete?: string;
  /** The citizen's text as kept in the transcript, when it must not be kept as typed. */
  citizenText?: string;
  /** Turns from this instant on leave the transcript (an intake ended with nothing stored). */
  discardSince?: string;
  /** An intake started: the failed-attempt count starts again. */
  resetFailures?: boolean;
  /** The question searched this turn (a follow-up keeps the one it follows). */
  lastQuery?: string;
  /** The list shown before stays pickable (a number out of its range was typed). */
  keepChoices?: boolean;
  /** Topic ids listed, numbered, in this reply. */
  listedTopics?: string[];
}

/** The session after one message: counters, pending choices, transcript, shown FAQs, intake, rating. */
export function nextSession(
  session: SessionState,
  turn: { readonly text: string; readonly reply: Reply; readonly effects: TurnEffects; readonly at: string },
): SessionState {
  const { text, reply, effects, at } = turn;
  const failedAttempts = effects.resetFailures
    ? 0
    : reply.intent === "no-match"
      ? session.failedAttempts + 1
      : reply.kind === "answer"
        ? 0
        : session.failedAttempts;
  // The phone number lives in the intake state only, never in the transcript.
  const phone = effects.intake?.phone ?? session.intake?.phone;
  const mask = (t: string) => (phone ? t.split(phone).join(PHONE_MASK) : t);
  const since = effects.discardSince;
  const earlier = (session.turns ?? []).filter((t) => !since || t.at < since);
  const shown = [
    ...(session.shownFaqIds ?? []),
    ...(reply.faqId ? [reply.faqId] : []),
    ...reply.suggestions.map((s) => s.faqId),
  ];
  return {
    failedAttempts,
    // What a typed "2" picks next: the choices, or the suggestions after an answer.
    pendingChoices: effects.keepChoices
      ? session.pendingChoices
      : reply.kind === "choices" ||
          reply.kind === "answer" ||
          reply.intent === "long-story" ||
          reply.intent === "topic"
        ? reply.suggestions.map((s) => s.faqId)
        : undefined,
    ...(effects.listedTopics?.length ? { pendingTopics: effects.listedTopics } : {}),
    // "ô tô" typed after "xe máy hay ô tô?" answers it; any other reply ends the question.
    ...(reply.clarification
      ? { clarifying: reply.clarification.attribute }
      : effects.keepChoices && session.clarifying
        ? { clarifying: session.clarifying }
        : {}),
    ...((effects.lastQuery ?? session.lastQuery)
      ? { lastQuery: (effects.lastQuery ?? session.lastQuery)?.slice(0, MAX_QUERY) }
      : {}),
    language: reply.language,
    lastFaqId: reply.faqId ?? session.lastFaqId,
    turns: [
      ...earlier,
      { role: "citizen" as const, text: mask(effects.citizenText ?? text), at },
      { role: "bot" as const, text: mask(reply.text), at },
    ].slice(-MAX_TURNS),
    ...(shown.length ? { shownFaqIds: [...new Set(shown)].slice(-MAX_SHOWN_FAQS) } : {}),
    ...(effects.intake ? { intake: effects.intake } : {}),
    ...(effects.pendingRating ? { pendingRating: effects.pendingRating } : {}),
    ...(effects.pendingDelete ? { pendingDelete: effects.pendingDelete } : {}),
  };
}
