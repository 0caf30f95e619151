import { asTyped } from "./as-typed.js";
import { fillPlaceholders, type OrgInfo } from "./compose/org-info.js";
import {
  BUTTON_LABELS,
  basisLine,
  DISCLAIMER,
  emergencyText,
  plainAnswer,
  texts,
  topicMenu,
} from "./compose/texts.js";
import { clarificationReply, clarifiedSibling } from "./conversation/clarification.js";
import { followUpContent, mentions } from "./conversation/follow-up.js";
import type { Reference } from "./conversation/parse-reference.js";
import { parseReference } from "./conversation/parse-reference.js";
import {
  type Decision,
  decideHits,
  MAX_CHOICES,
  relatedHits,
  type Thresholds,
} from "./decide/answer-rule.js";
import { siblingGroup } from "./decide/siblings.js";
import { createDeskRequests, type DeskAnswer } from "./intake/desk-requests.js";
import {
  FORGET_BUTTONS,
  FORGET_CONFIRM_MS,
  FORGET_KEPT,
  forgetConfirmText,
  isForgetConfirmation,
  isForgetRefusal,
} from "./intake/forget-confirmation.js";
import { RESUME_BUTTONS } from "./intake/intake-buttons.js";
import { createIntakeFlow, type IntakeStep, type IntakeTopic } from "./intake/intake-flow.js";
import type { IntakeScreening } from "./intake/intake-screening.js";
import { intakeTexts } from "./intake/intake-texts.js";
import { isCancel, isResume, parseRating } from "./intake/parse-answers.js";
import { detectIntent } from "./intents/detect-intent.js";
import { nextSession, PHONE_MASK, type TurnEffects } from "./next-session.js";
import type {
  CaseDesk,
  Clock,
  FaqHit,
  FaqRecord,
  FaqSearch,
  IntakeState,
  LanguageDetector,
  SessionState,
  SessionStore,
  UsageSink,
} from "./ports.js";
import type { Button, Message, Reply, Suggestion } from "./reply.js";
import { detectEmergency } from "./safety/detect-emergency.js";
import { EMERGENCY_NUMBERS } from "./safety/emergency-patterns.js";
import { clean, normalize } from "./text/normalize.js";
import { scrub } from "./text/scrub.js";
import type { TranslationService } from "./translation/translation-service.js";

/** Everything the engine needs, injected once in main.ts. */
export interface EngineDeps {
  readonly search: FaqSearch;
  readonly sessions: SessionStore;
  readonly usage: UsageSink;
  readonly clock: Clock;
  readonly org: OrgInfo;
  readonly thresholds: Thresholds;
  readonly topicLabels: readonly string[];
  readonly sessionTtlSeconds: number;
  /** Keyed hash of a session id, for usage events. */
  readonly hashId: (id: string) => string;
  readonly detectLanguage?: LanguageDetector;
  readonly translation?: TranslationService;
  readonly onError?: (error: unknown, where: string) => void;
  /** The legal-aid case desk; without it, a request for a person gets the center's contacts only. */
  readonly desk?: CaseDesk;
  /** The Art. 7 screening the intake asks (filled from src/escalation/eligibility.ts). */
  readonly screening?: IntakeScreening;
  /** Topic ids and labels the intake offers (src/content/topics.ts). */
  readonly topics?: readonly IntakeTopic[];
}

/** The answer engine: a channel-neutral `Message` in, a `Reply` out. */
export interface Engine {
  handle(message: Message): Promise<Reply>;
}

export type { Thresholds };

const TOP_K = 5;
/** How many of a topic's questions a topic button lists. */
const TOPIC_QUESTIONS = 6;
/** Mid-intake, only messages this short are read as commands ("xóa dữ liệu của tôi"). */
const SHORT_COMMAND_WORDS = 8;
/** Words beyond which a message is a story rather than a question. */
const LONG_STORY_WORDS = 45;

export function createEngine(deps: EngineDeps): Engine {
  const topicList = deps.topics ?? [];
  // Numbered topics with buttons when their ids are known (a typed "3" opens the third); else a list.
  const menu = topicList.length
    ? texts.numberedTopics(topicList.map((t) => t.label))
    : topicMenu(deps.topicLabels);
  const topicButtons: Button[] = topicList.map((t) => ({
    label: t.label,
    action: { type: "topic", topic: t.id },
  }));
  const helpOrTopics: Button[] = topicButtons.length
    ? topicButtons
    : [{ label: BUTTON_LABELS.help, action: { type: "help" } }];
  const org = deps.org;
  const personButton: Button = { label: BUTTON_LABELS.person, action: { type: "escalate" } };
  const desk = deps.desk ? createDeskRequests({ desk: deps.desk, org, onError: deps.onError }) : undefined;
  const intakeFlow = deps.desk
    ? createIntakeFlow({
        desk: deps.desk,
        org,
        clock: deps.clock,
        search: deps.search,
        topics: deps.topics ?? [],
        screening: deps.screening,
        onError: deps.onError,
      })
    : undefined;

  /**
   * One FAQ's answer. With `alternatives` (the runners-up of a close ranking) they are listed,
   * numbered, after it, and offered instead of the related questions.
   */
  function answerReply(
    faq: FaqRecord,
    confidence: number,
    language: string,
    alternatives: readonly FaqRecord[] = [],
  ): Reply {
    const body = fillPlaceholders(plainAnswer(faq.answer), org);
    const others = alternatives.length
      ? `\n\n${texts.alternatives(alternatives.map((a) => a.question))}`
      : "";
    // Naming the question answered lets the citizen see at once when it is not theirs.
    const text = `${texts.answeringQuestion(faq.question)}\n${body}\n\n${basisLine(faq.legalBasis)}\n${DISCLAIMER}${others}`;
    const related = alternatives.length
      ? alternatives.map((a) => ({ id: a.id, question: a.question }))
      : (faq.relatedLinks ?? []).slice(0, 2);
    return {
      kind: "answer",
      text,
      faqId: faq.id,
      topic: faq.topic,
      confidence: round(confidence),
      suggestions: related.map((r) => ({ faqId: r.id, question: r.question })),
      legalBasis: faq.legalBasis,
      buttons: [
        { label: BUTTON_LABELS.up, action: { type: "feedback", faqId: faq.id, value: "up" } },
        { label: BUTTON_LABELS.down, action: { type: "feedback", faqId: faq.id, value: "down" } },
        personButton,
        ...related.map((r): Button => ({ label: r.question, action: { type: "choose", faqId: r.id } })),
      ],
      language,
    };
  }

  function simple(
    kind: Reply["kind"],
    text: string,
    intent: string,
    language: string,
    buttons: Button[] = [],
  ): Reply {
    return { kind, text, intent, suggestions: [], buttons, language };
  }

  async function searchSafely(query: string): Promise<FaqHit[] | undefined> {
    try {
      return await deps.search.search(query, { limit: TOP_K });
    } catch (error) {
      deps.onError?.(error, "search");
      return undefined;
    }
  }

  /** An intake step as a reply; every intake reply is `escalate` (the public API's routing). */
  function intakeReply(step: IntakeStep, effects: TurnEffects, language: string): Reply {
    const before = effects.intake;
    effects.intake = step.intake;
    if (step.phone || step.hideCitizenText) effects.citizenText = PHONE_MASK;
    if (step.discard && before) effects.discardSince = before.startedAt;
    return {
      ...simple("escalate", step.text, step.intent, language, [...(step.buttons ?? [])]),
      topic: step.topic,
    };
  }

  function startIntake(reason: string, effects: TurnEffects, language: string): Reply | undefined {
    if (!intakeFlow) return undefined;
    // A draft kept after a danger message is resumed, never replaced by an empty intake.
    if (effects.intake?.paused) return intakeReply(intakeFlow.resume(effects.intake), effects, language);
    effects.resetFailures = true;
    return intakeReply(intakeFlow.start(reason), effects, language);
  }

  function deskReply(answer: DeskAnswer, language: string): Reply {
    return simple("fallback", answer.text, answer.intent, language);
  }

  /** "Bạn có chắc muốn xóa…": nothing is deleted until the citizen confirms; the cases are named. */
  async function askToForget(message: Message, effects: TurnEffects, language: string): Promise<Reply> {
    effects.pendingDelete = deps.clock.now().toISOString();
    const cases = deps.desk
      ? await deps.desk.statusFor(message.channel, message.sessionId).catch((error: unknown) => {
          deps.onError?.(error, "desk");
          return undefined;
        })
      : [];
    return simple("fallback", forgetConfirmText(cases), "delete-confirm", language, [
      { label: FORGET_BUTTONS.confirm, action: { type: "confirm-delete" } },
      { label: FORGET_BUTTONS.keep, action: { type: "keep-data" } },
    ]);
  }

  /** The deletion itself: cases anonymized (audited), then the session is deleted by saveSession. */
  async function forget(message: Message, language: string): Promise<Reply> {
    return desk
      ? deskReply(await desk.forget(message.channel, message.sessionId), language)
      : simple("fallback", texts.deleted(), "delete-data", language);
  }

  /**
   * The answer to "Gõ XÓA để xác nhận": the deletion, "kept", or undefined when the citizen moved on
   * (the message is then handled as usual and nothing is deleted).
   */
  async function answerForgetConfirmation(
    message: Message,
    requestedAt: string,
    text: string,
    effects: TurnEffects,
    language: string,
  ): Promise<Reply | undefined> {
    const fresh = deps.clock.now().getTime() - Date.parse(requestedAt) <= FORGET_CONFIRM_MS;
    const typed = !message.action;
    if (message.action?.type === "confirm-delete" || (typed && isForgetConfirmation(text))) {
      return fresh ? forget(message, language) : askToForget(message, effects, language);
    }
    if (message.action?.type === "keep-data" || (typed && isForgetRefusal(text))) {
      const step = effects.intake && intakeFlow ? intakeFlow.ask(effects.intake) : undefined;
      const next = step ? `\n\n${step.text}` : "";
      return simple("fallback", `${FORGET_KEPT}${next}`, "delete-kept", language, [...(step?.buttons ?? [])]);
    }
    return undefined;
  }

  function emergencyReply(normalized: string, hits: FaqHit[], language: string): Reply | undefined {
    const emergency = detectEmergency(normalized);
    if (!emergency) return undefined;
    // Only FAQs that share the message's words: a child whose father lies unconscious after a fall must not
    // be offered the fine for riding without a helmet.
    const related = relatedHits(hits, deps.thresholds)
      .slice(0, 2)
      .map((h): Suggestion => ({ faqId: h.faq.id, question: h.faq.question }));
    return {
      kind: "emergency",
      emergency,
      text: emergencyText(emergency, EMERGENCY_NUMBERS[emergency], org),
      suggestions: related,
      buttons: [
        personButton,
        ...related.map((r): Button => ({ label: r.question, action: { type: "choose", faqId: r.faqId } })),
      ],
      language,
    };
  }

  /**
   * A message while an intake is open: danger first, then the intake's own answer. Undefined when
   * the citizen left the intake (or pressed another button): the message is then handled as usual.
   */
  async function continueIntake(
    message: Message,
    session: SessionState,
    intake: IntakeState,
    text: string,
    normalized: string,
    effects: TurnEffects,
    language: string,
  ): Promise<Reply | undefined> {
    if (!intakeFlow || !desk) return undefined;
    const { channel, sessionId } = message;
    if (detectEmergency(normalized)) {
      const reply = emergencyReply(normalized, (await searchSafely(normalized)) ?? [], language);
      if (reply) {
        // Danger first; the draft (a story typed with it included) waits for "tiếp tục".
        effects.intake = await intakeFlow.pause(intake, text);
        return {
          ...reply,
          text: `${reply.text}${intakeTexts.afterEmergency}`,
          buttons: [...reply.buttons, ...RESUME_BUTTONS],
        };
      }
    }
    if (intake.paused) {
      const back =
        message.action?.type === "escalate" ||
        (!message.action && (isResume(text) || detectIntent(normalized) === "ask-person"));
      if (back) return intakeReply(intakeFlow.resume(intake), effects, language);
      // Anything else but "hủy" is for the bot; its reply offers the draft again (see handle).
      if (message.action || !isCancel(text)) return undefined;
    }
    if (message.action?.type === "escalate") return intakeReply(intakeFlow.ask(intake), effects, language);
    if (message.action) return undefined;
    if (!/[\p{L}\p{N}]/u.test(normalized)) return intakeReply(intakeFlow.ask(intake), effects, language);
    // A short request to delete data or see a case works at any step (a long text is an answer).
    const intent = normalized.split(" ").length <= SHORT_COMMAND_WORDS ? detectIntent(normalized) : undefined;
    if (intent === "delete-data") return askToForget(message, effects, language);
    if (intent === "case-status") return deskReply(await desk.status(channel, sessionId, text), language);
    const step = await intakeFlow.answer(intake, text, { channel, sessionId, session });
    if (step) return intakeReply(step, effects, language);
    effects.intake = undefined;
    return undefined;
  }

  /** "2" or "cái thứ hai": the item of the last list (choices, or an answer's suggestions). */
  async function referenceReply(
    reference: Reference,
    session: SessionState,
    effects: TurnEffects,
    language: string,
  ): Promise<Reply> {
    const topics = session.pendingChoices?.length ? [] : (session.pendingTopics ?? []);
    if (topics.length) {
      const topicIndex = "last" in reference ? topics.length : reference.index;
      const topic = topics[topicIndex - 1];
      if (topic) return topicReply(topic, effects, language);
      effects.listedTopics = topics;
      return simple("fallback", texts.pickInRange(topics.length), "unclear-reference", language);
    }
    const listed = session.pendingChoices ?? [];
    const index = "last" in reference ? listed.length : reference.index;
    const faqId = listed[index - 1];
    const faq = faqId ? await deps.search.get(faqId).catch(() => undefined) : undefined;
    if (faq) return answerReply(faq, 1, language);
    if (listed.length) {
      // Out of range: the list stays, and the citizen is told which numbers it has.
      effects.keepChoices = true;
      return simple("fallback", texts.pickInRange(listed.length), "unclear-reference", language);
    }
    return simple("fallback", texts.whatToAsk(), "unclear-reference", language, [
      { label: BUTTON_LABELS.help, action: { type: "help" } },
    ]);
  }

  /** The common questions of one topic, numbered, each a button. */
  async function topicReply(topicId: string, effects: TurnEffects, language: string): Promise<Reply> {
    const topic = topicList.find((t) => t.id === topicId);
    const faqs = topic ? ((await deps.search.byTopic?.(topicId, TOPIC_QUESTIONS).catch(() => [])) ?? []) : [];
    if (!topic || !faqs.length) {
      effects.listedTopics = topicList.map((t) => t.id);
      return simple("fallback", texts.help(menu), "help", language, [...topicButtons, personButton]);
    }
    return {
      kind: "fallback",
      intent: "topic",
      topic: topic.id,
      text: texts.topicQuestions(
        topic.label,
        faqs.map((f) => f.question),
      ),
      suggestions: faqs.map((f) => ({ faqId: f.id, question: f.question })),
      buttons: [
        ...faqs.map((f): Button => ({ label: f.question, action: { type: "choose", faqId: f.id } })),
        personButton,
      ],
      language,
    };
  }

  /**
   * "thế còn ô tô?" after an answer about motorbikes: the previous question with the new words,
   * answered from the FAQs that name them. Undefined when none does (then it is a new question).
   */
  async function followUpReply(
    lastQuery: string,
    content: string,
    effects: TurnEffects,
    language: string,
  ): Promise<Reply | undefined> {
    const hits = await searchSafely(`${lastQuery} ${content}`);
    const named = (hits ?? []).filter((h) => mentions(h.faq, content));
    const [first, ...rest] = named;
    if (!first) return undefined;
    effects.lastQuery = lastQuery;
    const alternatives = rest.slice(0, MAX_CHOICES - 1).map((h) => h.faq);
    return { ...answerReply(first.faq, first.score, language, alternatives), intent: "follow-up" };
  }

  /** "ô tô" after "xe máy hay ô tô?": the answer of the sibling it names; undefined for anything else. */
  async function clarifiedReply(
    attribute: string,
    faqIds: readonly string[],
    normalized: string,
    language: string,
  ): Promise<Reply | undefined> {
    const options = await Promise.all(faqIds.map((id) => deps.search.get(id).catch(() => undefined)));
    const faq = clarifiedSibling(
      normalized,
      options.filter((f): f is FaqRecord => !!f),
      attribute,
    );
    return faq ? { ...answerReply(faq, 1, language), intent: "clarified" } : undefined;
  }

  /**
   * When the FAQs the rule would show are siblings (same matter, another vehicle, person or stage):
   * the one the question names, answered; or, when it names none and the rule offers them as choices,
   * the one question that tells them apart. Undefined when the FAQs shown are not siblings or the
   * first is answered by the rule.
   */
  function siblingReply(
    hits: readonly FaqHit[],
    decision: Decision,
    normalized: string,
    language: string,
  ): Reply | undefined {
    const shown =
      decision.kind === "answer"
        ? [decision.hit, ...decision.alternatives]
        : decision.kind === "choices"
          ? decision.options
          : [];
    const group = shown.length ? siblingGroup(hits, normalized, MAX_CHOICES) : undefined;
    if (!group || shown[0] !== group.members[0]) return undefined;
    if (group.named) {
      const others = shown.filter((h) => !group.members.includes(h)).slice(0, MAX_CHOICES - 1);
      return answerReply(
        group.named.faq,
        group.named.score,
        language,
        others.map((h) => h.faq),
      );
    }
    // The question replaces a menu: when the rule answers (the first clearly ahead), the sibling is
    // offered after the answer like any runner-up.
    const tied = decision.kind === "choices" && shown.slice(1).some((h) => group.members.includes(h));
    return tied ? clarificationReply(group, language, [personButton]) : undefined;
  }

  async function decide(
    message: Message,
    session: SessionState,
    text: string,
    normalized: string,
    language: string,
    effects: TurnEffects,
  ): Promise<Reply> {
    // A rating question (sent when staff closed a case) takes the next "1".."5" before anything else.
    if (effects.pendingRating) {
      const caseId = effects.pendingRating;
      effects.pendingRating = undefined;
      const rating = desk && !message.action ? parseRating(text) : undefined;
      if (desk && rating) {
        const answer = await desk.rate(message.channel, message.sessionId, caseId, rating);
        if (answer.keepRating) effects.pendingRating = caseId;
        return deskReply(answer, language);
      }
    }

    // "Gõ XÓA để xác nhận" was asked: only this very next message can confirm it.
    if (effects.pendingDelete) {
      const requestedAt = effects.pendingDelete;
      effects.pendingDelete = undefined;
      const reply = await answerForgetConfirmation(message, requestedAt, text, effects, language);
      if (reply) return reply;
    }
    if (message.action?.type === "confirm-delete") return askToForget(message, effects, language);
    if (message.action?.type === "keep-data") return simple("fallback", FORGET_KEPT, "delete-kept", language);

    if (effects.intake) {
      const reply = await continueIntake(
        message,
        session,
        effects.intake,
        text,
        normalized,
        effects,
        language,
      );
      if (reply) return reply;
    }

    if (!/[\p{L}\p{N}]/u.test(normalized)) return simple("fallback", texts.emptyText(), "empty", language);

    if (message.action?.type === "feedback") {
      // Only an answer this conversation was shown can be rated: a 👎 for any FAQ id would skew the
      // satisfaction figures and the inbox.
      if (!session.shownFaqIds?.includes(message.action.faqId))
        return simple("fallback", texts.feedbackRefused(), "feedback-refused", language);
      const up = message.action.value === "up";
      return simple(
        "fallback",
        up ? texts.feedbackUp() : texts.feedbackDown(),
        up ? "feedback-up" : "feedback-down",
        language,
        up ? [] : [personButton],
      );
    }

    // A pressed button, a typed number or "cái thứ hai" picks from what was listed last; never a search.
    if (message.action?.type === "choose") {
      const faq = await deps.search.get(message.action.faqId).catch(() => undefined);
      if (faq) return answerReply(faq, 1, language);
    }
    if (message.action?.type === "topic") return topicReply(message.action.topic, effects, language);
    const reference = message.action ? undefined : parseReference(normalized);
    if (reference) return referenceReply(reference, session, effects, language);

    if (detectEmergency(normalized)) {
      const reply = emergencyReply(normalized, (await searchSafely(normalized)) ?? [], language);
      if (reply) return reply;
    }

    if (session.clarifying && session.pendingChoices?.length && !message.action) {
      const reply = await clarifiedReply(session.clarifying, session.pendingChoices, normalized, language);
      if (reply) return reply;
    }

    const intent =
      message.action?.type === "escalate"
        ? "ask-person"
        : message.action?.type === "help"
          ? "help"
          : detectIntent(normalized);
    switch (intent) {
      case "greeting":
        effects.listedTopics = topicList.map((t) => t.id);
        return simple("fallback", texts.greeting(org, menu), intent, language, helpOrTopics);
      case "help":
        effects.listedTopics = topicList.map((t) => t.id);
        return simple("fallback", texts.help(menu), intent, language, [...topicButtons, personButton]);
      case "thanks":
        return simple("fallback", texts.thanks(), intent, language);

      case "privacy":
        return simple(
          "fallback",
          texts.privacy(org, Math.round(deps.sessionTtlSeconds / 60)),
          intent,
          language,
        );
      case "delete-data":
        return askToForget(message, effects, language);
      case "ask-person":
        return (
          startIntake(message.action?.type === "escalate" ? "button" : intent, effects, language) ??
          simple("escalate", texts.askPerson(org), intent, language, [personButton])
        );
      case "complex-case":
        return (
          startIntake(intent, effects, language) ??
          simple("escalate", texts.complexCase(org), intent, language, [personButton])
        );
      case "case-status":
        // Without a desk there are no cases: the words go to search as before.
        if (desk) return deskReply(await desk.status(message.channel, message.sessionId, text), language);
        break;
    }

    const followUp = session.lastQuery && !message.action ? followUpContent(normalized) : undefined;
    if (followUp && session.lastQuery) {
      const reply = await followUpReply(session.lastQuery, followUp, effects, language);
      if (reply) return reply;
    }
    // Prices, weather, sports: nothing in the corpus, though their words are ("giá vàng" in the prize-scam FAQ).
    const hits = intent === "out-of-scope" ? [] : await searchSafely(normalized);
    if (!hits)
      return simple("fallback", texts.searchDown(org), "search-unavailable", language, [personButton]);
    effects.lastQuery = normalized;
    const decision = decideHits(hits, deps.thresholds);
    const siblings = siblingReply(hits, decision, normalized, language);
    if (siblings) return siblings;
    if (decision.kind === "answer") {
      const { hit, alternatives } = decision;
      return answerReply(
        hit.faq,
        hit.score,
        language,
        alternatives.map((h) => h.faq),
      );
    }
    const options = decision.kind === "choices" ? decision.options : [];
    if (normalized.split(" ").length > LONG_STORY_WORDS) {
      // A long personal story with no clear answer usually holds several problems: offer a person first.
      return {
        kind: "escalate",
        intent: "long-story",
        text: texts.longStory(
          org,
          options.map((h) => h.faq.question),
        ),
        suggestions: options.map((h) => ({ faqId: h.faq.id, question: h.faq.question })),
        buttons: [
          personButton,
          ...options.map(
            (h): Button => ({ label: h.faq.question, action: { type: "choose", faqId: h.faq.id } }),
          ),
        ],
        language,
      };
    }
    if (options.length) {
      return {
        kind: "choices",
        text: texts.choices(options.map((h) => h.faq.question)),
        confidence: round(options[0]?.score ?? 0),
        suggestions: options.map((h) => ({ faqId: h.faq.id, question: h.faq.question })),
        buttons: [
          ...options.map(
            (h): Button => ({ label: h.faq.question, action: { type: "choose", faqId: h.faq.id } }),
          ),
          personButton,
        ],
        language,
      };
    }
    if (session.failedAttempts >= 1) {
      return (
        startIntake("second-failure", effects, language) ??
        simple("escalate", texts.fallbackAgain(org), "second-failure", language, [personButton])
      );
    }
    effects.listedTopics = topicList.map((t) => t.id);
    return simple("fallback", texts.fallback(menu), "no-match", language, [personButton, ...helpOrTopics]);
  }

  return {
    async handle(raw) {
      const started = deps.clock.now();
      const message = asTyped(raw);
      const text = clean(message.text);
      const session = (await deps.sessions.get(message.sessionId).catch(() => undefined)) ?? {
        failedAttempts: 0,
      };

      const effects: TurnEffects = {
        intake: desk ? session.intake : undefined,
        pendingRating: session.pendingRating,
        pendingDelete: session.pendingDelete,
      };

      let language = "vi";
      let textVi = text;
      let translated = false;
      // Intake answers ("có", a commune, a phone) are read as typed and never leave for a translator
      // (while a draft waits after danger, the messages are questions to the bot again).
      if (deps.translation && !message.action && (!effects.intake || effects.intake.paused)) {
        const incoming = await deps.translation.toVietnamese(text);
        language = incoming.language;
        textVi = incoming.text;
        translated = incoming.translated;
      } else if (deps.detectLanguage) {
        language = deps.detectLanguage(text) || "vi";
      }

      // Normalized once: decide matches on it and the usage event keeps it (scrubbed) for misses.
      const normalized = normalize(textVi);
      let reply = await decide(message, session, text, normalized, language, effects);
      if (effects.intake?.paused && reply.kind !== "emergency") reply = withDraftOffer(reply);
      if (translated && deps.translation) {
        const back = await deps.translation.fromVietnamese(reply.text, language);
        if (back.translated)
          reply = { ...reply, text: `${back.text}\n\n${texts.machineTranslated}`, translated: true };
      }

      await saveSession(message, session, text, reply, effects);
      void recordUsage(message, reply, text, normalized, started);
      return reply;
    },
  };

  /** A reply given while an intake waits after a danger message: it offers to go on with the draft. */
  function withDraftOffer(reply: Reply): Reply {
    return {
      ...reply,
      text: `${reply.text}${intakeTexts.draftKept}`,
      buttons: [...reply.buttons, ...RESUME_BUTTONS],
    };
  }

  async function saveSession(
    message: Message,
    session: SessionState,
    text: string,
    reply: Reply,
    effects: TurnEffects,
  ): Promise<void> {
    if (reply.intent === "delete-data") {
      await deps.sessions.delete(message.sessionId).catch((e) => deps.onError?.(e, "session"));
      return;
    }
    const at = deps.clock.now().toISOString();
    const next = nextSession(session, { text, reply, effects, at });
    await deps.sessions.set(message.sessionId, next).catch((e) => deps.onError?.(e, "session"));
  }

  async function recordUsage(
    message: Message,
    reply: Reply,
    text: string,
    normalized: string,
    started: Date,
  ): Promise<void> {
    const unanswered = reply.kind === "choices" || (reply.kind === "fallback" && reply.intent === "no-match");
    // The curators' inbox shows what the citizen typed; the normalized form (what was searched) is a hint.
    const sample = unanswered ? scrub(text.trim()).slice(0, 500) : undefined;
    const searched = unanswered ? scrub(normalized).slice(0, 500) : undefined;
    try {
      await deps.usage.record({
        at: started.toISOString(),
        channel: message.channel,
        session: deps.hashId(message.sessionId),
        // With the day in the hash, the same network cannot be followed from one day to the next.
        origin: message.origin
          ? deps.hashId(`origin|${started.toISOString().slice(0, 10)}|${message.origin}`)
          : undefined,
        kind: reply.kind,
        intent: reply.intent,
        faqId:
          reply.faqId ??
          (message.action?.type === "feedback" && reply.intent !== "feedback-refused"
            ? message.action.faqId
            : undefined),
        topic: reply.topic,
        confidence: reply.confidence,
        language: reply.language,
        latencyMs: deps.clock.now().getTime() - started.getTime(),
        translated: reply.translated,
        sample,
        normalized: searched !== undefined && searched !== sample?.toLowerCase() ? searched : undefined,
      });
    } catch (error) {
      deps.onError?.(error, "usage");
    }
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
