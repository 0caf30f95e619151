import type { OrgInfo } from "../compose/org-info.js";
import type { CaseDesk, Clock, FaqSearch, IntakeCase, IntakeState, SessionState } from "../ports.js";
import type { Button } from "../reply.js";
import { normalize } from "../text/normalize.js";
import { intakeButtons } from "./intake-buttons.js";
import type { IntakeScreening } from "./intake-screening.js";
import { intakeTexts as t } from "./intake-texts.js";
import {
  isAccept,
  isCancel,
  isResume,
  isSend,
  isSkip,
  looksLikePhone,
  notADescription,
  parseChoice,
  parseContact,
  parseGroupNumbers,
  parsePhone,
  parseYesNo,
} from "./parse-answers.js";

/** A topic the citizen can pick (ids as in src/content/topics.ts). */
export interface IntakeTopic {
  readonly id: string;
  readonly label: string;
}

/** What the intake needs; the engine passes its own deps through. */
export interface IntakeFlowDeps {
  readonly desk: CaseDesk;
  readonly org: OrgInfo;
  readonly clock: Clock;
  readonly search: FaqSearch;
  readonly topics: readonly IntakeTopic[];
  readonly screening?: IntakeScreening;
  readonly onError?: (error: unknown, where: string) => void;
}

/** One intake message's result: what to say and where the intake stands next. */
export interface IntakeStep {
  readonly text: string;
  /** The answers as buttons (web and Telegram); typing them works the same. */
  readonly buttons?: readonly Button[];
  /** "intake-consent", "intake-description", …, "intake-done", "intake-cancelled". */
  readonly intent: string;
  /** The intake after this message; undefined once it ended. */
  readonly intake: IntakeState | undefined;
  /** A phone number the citizen typed: kept out of the transcript. */
  readonly phone?: string;
  /** The message looked like a (wrong) phone number: kept out of the transcript. */
  readonly hideCitizenText?: boolean;
  /** The topic of the case sent (for the usage event). */
  readonly topic?: string;
  /** The intake ended with nothing stored: its turns leave the transcript. */
  readonly discard?: boolean;
}

/** Who is answering, for `desk.open`. */
export interface IntakeContext {
  readonly channel: IntakeCase["channel"];
  readonly sessionId: string;
  readonly session: SessionState;
}

/** The citizen side of escalation: one short question at a time, cancellable and resumable. */
export interface IntakeFlow {
  /** Starts an intake at the consent question; `reason` says why (ask-person, complex-case, …). */
  start(reason: string): IntakeStep;
  /** The current question again ("tiếp tục", or a person button pressed mid-intake). */
  ask(intake: IntakeState): IntakeStep;
  /**
   * A danger message arrived mid-intake: the intake is paused with everything typed kept — at the
   * story question, the message itself when it tells the story (the topic is then suggested from it).
   */
  pause(intake: IntakeState, text: string): Promise<IntakeState>;
  /** Back from a pause: what was kept, then the question where it stopped. */
  resume(intake: IntakeState): IntakeStep;
  /** Reads one answer; undefined when the citizen left (neither yes nor no at consent). */
  answer(intake: IntakeState, text: string, context: IntakeContext): Promise<IntakeStep | undefined>;
}

/** Topic kept when none of the list fits. */
export const OTHER_TOPIC: IntakeTopic = { id: "khac", label: "Chủ đề khác / chưa rõ" };
const MAX_DESCRIPTION = 2000;
const SUMMARY_DESCRIPTION = 150;
/** How many FAQs matching the story vote on its topic. */
const SUGGEST_FROM_HITS = 5;

export function createIntakeFlow(deps: IntakeFlowDeps): IntakeFlow {
  const topics = deps.topics.length ? [...deps.topics, OTHER_TOPIC] : [];
  const groups = deps.screening?.questions ?? [];
  const labelOf = (id: string | undefined) => topics.find((x) => x.id === id)?.label ?? id ?? "";

  const step = (intake: IntakeState, text: string, extra: Partial<IntakeStep> = {}): IntakeStep => ({
    text,
    buttons: intakeButtons(intake, topics, groups, labelOf),
    intent: `intake-${intake.step}`,
    intake,
    ...extra,
  });

  function question(intake: IntakeState): string {
    switch (intake.step) {
      case "description":
        return t.description();
      case "topic":
        return t.topic(
          intake.suggestedTopic ? labelOf(intake.suggestedTopic) : undefined,
          topics.map((x) => x.label),
        );
      case "contact":
        return t.contact();
      case "phone":
        return t.phone();
      case "commune":
        return t.commune();
      case "eligibility":
        return intake.eligibilityIndex === 1 && deps.screening
          ? t.financial(deps.screening.financialQuestion.label)
          : t.groups(groups.map((g) => g.label));
      case "confirm":
        return summary(intake);
      default:
        return t.consent(deps.org);
    }
  }

  function summary(intake: IntakeState): string {
    return t.confirm({
      description: shorten(intake.description) ?? "",
      topic: labelOf(intake.topic),
      contact:
        intake.contactPreference === "phone" && intake.phone ? t.contactPhone(intake.phone) : t.contactChat,
      commune: intake.commune ?? "",
      screening: deps.screening?.screen(intake.eligibility).text,
    });
  }

  const goTo = (intake: IntakeState, next: Partial<IntakeState>, extra?: Partial<IntakeStep>): IntakeStep => {
    const moved = { ...intake, ...next };
    return step(moved, question(moved), extra);
  };

  const reask = (
    intake: IntakeState,
    why: string = t.notUnderstood,
    extra?: Partial<IntakeStep>,
    keep?: Partial<IntakeState>,
  ) => {
    const kept = keep ? { ...intake, ...keep } : intake;
    return step(kept, `${why}\n${question(kept)}`, extra);
  };

  /** After the commune: the screening when there is one, else the summary. */
  const afterCommune = (intake: IntakeState, commune: string): IntakeStep =>
    goTo(intake, { commune, step: groups.length ? "eligibility" : "confirm", eligibilityIndex: 0 });

  /**
   * The topic of the story just told: the FAQs it matches vote with their scores. Never the topic
   * of an FAQ shown before the intake — the story may be about something else entirely.
   */
  async function suggestTopic(description: string): Promise<string | undefined> {
    try {
      const hits = await deps.search.search(normalize(description), { limit: SUGGEST_FROM_HITS });
      const votes = new Map<string, number>();
      for (const { faq, score } of hits) {
        if (topics.some((x) => x.id === faq.topic)) votes.set(faq.topic, (votes.get(faq.topic) ?? 0) + score);
      }
      return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    } catch (error) {
      deps.onError?.(error, "search");
      return undefined;
    }
  }

  /** The story as typed, or why it is not one (a phone or ID number, too short). */
  async function readDescription(intake: IntakeState, text: string): Promise<IntakeStep> {
    const notStory = notADescription(text);
    if (notStory === "phone") {
      // Kept only to be offered as the contact: "Gọi số …" at the next questions.
      return reask(intake, t.descriptionIsPhone(), { phone: parsePhone(text) }, { phone: parsePhone(text) });
    }
    if (notStory === "number") return reask(intake, t.descriptionIsNumber(), { hideCitizenText: true });
    const words = text.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (words < 3 || text.length < 10) return reask(intake, t.descriptionTooShort());
    const description = text.slice(0, MAX_DESCRIPTION);
    const phone = parsePhone(text) ?? intake.phone;
    if (!topics.length) return goTo(intake, { description, phone, topic: OTHER_TOPIC.id, step: "contact" });
    return goTo(intake, {
      description,
      phone,
      suggestedTopic: await suggestTopic(description),
      step: "topic",
    });
  }

  async function submit(intake: IntakeState, context: IntakeContext): Promise<IntakeStep> {
    const { description, topic, contactPreference, commune } = intake;
    if (!description) return goTo(intake, { step: "description" });
    if (!topic) return goTo(intake, { step: "topic" });
    if (!contactPreference) return goTo(intake, { step: "contact" });
    if (!commune) return goTo(intake, { step: "commune" });
    const input: IntakeCase = {
      channel: context.channel,
      sessionId: context.sessionId,
      reason: intake.reason,
      description,
      topic,
      contactPreference,
      ...(contactPreference === "phone" && intake.phone ? { phone: intake.phone } : {}),
      commune,
      eligibility: intake.eligibility,
      // Staff see the conversation from the intake on (the consent says so), not what came before.
      transcript: (context.session.turns ?? []).filter((turn) => turn.at >= intake.startedAt),
      shownFaqIds: context.session.shownFaqIds ?? [],
      // One intake, one case: a repeated "gửi" (a retried delivery, a double tap) finds the first.
      intakeId: intake.startedAt,
    };
    try {
      const opened = await deps.desk.open(input);
      return {
        text: t.done(opened.id, opened.firstResponseDueAt, deps.org, contactPreference),
        intent: "intake-done",
        intake: undefined,
        topic,
      };
    } catch (error) {
      deps.onError?.(error, "desk");
      // Never "received" unless stored: the intake stays at confirm so "gửi" retries.
      return { text: t.notSaved(deps.org), intent: "intake-not-saved", intake };
    }
  }

  function screeningAnswer(intake: IntakeState, text: string): IntakeStep {
    const screening = deps.screening;
    if (!screening) return goTo(intake, { step: "confirm" });
    if (intake.eligibilityIndex === 1) {
      const key = screening.financialQuestion.key;
      const yes = isSkip(text) ? undefined : parseYesNo(text);
      if (yes === undefined && !isSkip(text)) return reask(intake);
      const { [key]: _, ...rest } = intake.eligibility;
      return goTo(intake, {
        step: "confirm",
        eligibility: yes === undefined ? rest : { ...rest, [key]: yes },
      });
    }
    const parsed = parseGroupNumbers(text, groups.length);
    if (!parsed) return reask(intake);
    if (parsed.kind === "skip") return goTo(intake, { step: "confirm", eligibility: {} });
    const chosen = parsed.kind === "numbers" ? parsed.values : [];
    const eligibility = Object.fromEntries(groups.map((g, i) => [g.key, chosen.includes(i + 1)]));
    const picked = groups.filter((_, i) => chosen.includes(i + 1));
    // The financial question matters only when every chosen group needs it (Art. 7 cl. 7).
    const needsFinancial = picked.length > 0 && picked.every((g) => g.needsFinancialDifficulty);
    return goTo(
      intake,
      needsFinancial ? { eligibility, eligibilityIndex: 1 } : { eligibility, step: "confirm" },
    );
  }

  return {
    start(reason) {
      const intake: IntakeState = {
        step: "consent",
        reason,
        eligibility: {},
        startedAt: deps.clock.now().toISOString(),
      };
      return step(intake, `${t.lead(reason, deps.org)}\n\n${t.consent(deps.org)}`);
    },

    ask: (intake) => step(intake, question(intake)),

    async pause(intake, text) {
      const paused = { ...intake, paused: true };
      if (intake.step !== "description") return paused;
      const read = await readDescription(intake, text);
      return read.intake?.description ? { ...read.intake, paused: true } : paused;
    },

    resume(intake) {
      const { paused: _, ...going } = intake;
      return step(going, `${t.resumed(shorten(going.description))}\n${question(going)}`);
    },

    async answer(intake, text, context) {
      if (isCancel(text))
        return { text: t.cancelled(), intent: "intake-cancelled", intake: undefined, discard: true };
      if (isResume(text)) return step(intake, question(intake));
      switch (intake.step) {
        case "consent": {
          const yes = parseYesNo(text);
          if (yes === undefined) return undefined;
          if (!yes)
            return {
              text: t.declined(deps.org),
              intent: "intake-declined",
              intake: undefined,
              discard: true,
            };
          return goTo(intake, { step: "description" });
        }
        case "description":
          return readDescription(intake, text);
        case "topic": {
          const n = parseChoice(text, topics.length);
          const topic = n ? topics[n - 1]?.id : isAccept(text) ? intake.suggestedTopic : undefined;
          if (!topic) return reask(intake);
          return goTo(intake, { topic, step: "contact" });
        }
        case "contact": {
          const phone = parsePhone(text);
          if (phone) return goTo(intake, { contactPreference: "phone", phone, step: "commune" }, { phone });
          const contact = parseContact(text);
          if (!contact) return reask(intake, t.notUnderstood, { hideCitizenText: looksLikePhone(text) });
          return contact === "phone"
            ? goTo(intake, { contactPreference: "phone", step: "phone" })
            : goTo(intake, { contactPreference: "chat", phone: undefined, step: "commune" });
        }
        case "phone": {
          if (isSkip(text))
            return goTo(intake, { contactPreference: "chat", phone: undefined, step: "commune" });
          const phone = parsePhone(text);
          if (!phone) return step(intake, t.phoneInvalid(), { hideCitizenText: true });
          return goTo(intake, { phone, step: "commune" }, { phone });
        }
        case "commune": {
          const commune = text.trim();
          if (commune.length < 2 || commune.length > 120 || !/\p{L}/u.test(commune))
            return reask(intake, t.communeInvalid());
          return afterCommune(intake, commune);
        }
        case "eligibility":
          return screeningAnswer(intake, text);
        case "confirm":
          if (isSend(text)) return submit(intake, context);
          return step(intake, t.confirmAgain());
        default:
          return step({ ...intake, step: "consent" }, t.consent(deps.org));
      }
    },
  };
}

/** The story cut at a word for the summary. */
function shorten(description: string | undefined): string | undefined {
  if (!description || description.length <= SUMMARY_DESCRIPTION) return description;
  return `${description.slice(0, SUMMARY_DESCRIPTION).replace(/\s+\S*$/, "")}…`;
}
