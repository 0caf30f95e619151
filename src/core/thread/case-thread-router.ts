import { asTyped } from "../as-typed.js";
import type { OrgInfo } from "../compose/org-info.js";
import type { Engine } from "../engine.js";
import { isForgetConfirmation, isForgetRefusal } from "../intake/forget-confirmation.js";
import { detectIntent } from "../intents/detect-intent.js";
import type { CaseThreadState, CaseThreads, Clock, SessionStore, UsageSink } from "../ports.js";
import type { Button, Message, Reply } from "../reply.js";
import { detectEmergency } from "../safety/detect-emergency.js";
import { foldWords } from "../text/fold.js";
import { clean, normalize } from "../text/normalize.js";
import { THREAD_BUTTONS, threadTexts } from "./thread-texts.js";

/** What the thread router needs besides the engine it stands in front of. */
export interface CaseThreadRouterDeps {
  readonly engine: Engine;
  readonly threads: CaseThreads;
  readonly org: OrgInfo;
  readonly clock: Clock;
  /** The engine's conversation state: a deletion waiting for its confirmation is the engine's to answer. */
  readonly sessions?: SessionStore;
  /** One usage event per thread message (kind `escalate`, intent `thread-message`; no text). */
  readonly usage?: UsageSink;
  readonly hashId?: (id: string) => string;
  readonly onError?: (error: unknown, where: string) => void;
}

/** Only messages this short are read as commands inside the thread ("xóa dữ liệu của tôi"). */
const SHORT_COMMAND_WORDS = 8;
const LEAVE = new Set([
  "quay lai tro ly",
  "quay ve tro ly",
  "ve tro ly",
  "hoi tro ly",
  "gap tro ly",
  "tro ly",
  "tro ly tu dong",
  "noi chuyen voi tro ly",
  "quay lai bot",
  "hoi bot",
]);

const leaveButton: Button = { label: THREAD_BUTTONS.leave, action: { type: "leave-thread" } };
const resumeButton: Button = { label: THREAD_BUTTONS.resume, action: { type: "escalate" } };

/** "quay lại trợ lý": the citizen wants the bot again while their case stays open. */
export function isLeaveThread(text: string): boolean {
  return LEAVE.has(foldWords(text).replace(/ (?:a|nhe|nha|di)$/, ""));
}

/**
 * The case thread in front of the engine: while a case the citizen chose to be answered in this
 * chat is open, what they type goes to the case and the bot stays out — except that danger signs
 * are still detected on every message and answered first (the message reaches the case too). The
 * citizen leaves on purpose ("quay lại trợ lý", a button) and comes back with "gặp cán bộ", which
 * resumes the open case instead of starting a new intake. Once the case is closed, every message
 * goes to the engine again.
 */
export function createCaseThreadRouter(deps: CaseThreadRouterDeps): Engine {
  const { engine, threads } = deps;

  const say = (text: string, intent: string, buttons: Button[] = []): Reply => ({
    kind: "escalate",
    text,
    intent,
    suggestions: [],
    buttons,
    language: "vi",
  });

  async function currentThread(message: Message): Promise<CaseThreadState | undefined> {
    try {
      return await threads.current(message.channel, message.sessionId);
    } catch (error) {
      deps.onError?.(error, "thread");
      return undefined;
    }
  }

  async function setAway(message: Message, thread: CaseThreadState, away: boolean): Promise<void> {
    try {
      await threads.setAway(message.channel, message.sessionId, thread.caseId, away);
    } catch (error) {
      deps.onError?.(error, "thread");
    }
  }

  function recordUsage(message: Message, started: Date): void {
    if (!deps.usage || !deps.hashId) return;
    deps.usage
      .record({
        at: started.toISOString(),
        channel: message.channel,
        session: deps.hashId(message.sessionId),
        kind: "escalate",
        intent: "thread-message",
        language: "vi",
        latencyMs: deps.clock.now().getTime() - started.getTime(),
      })
      .catch((error: unknown) => deps.onError?.(error, "usage"));
  }

  /** The engine's reply; a case just opened to be answered in the chat says the thread has begun. */
  async function viaEngine(message: Message): Promise<Reply> {
    const reply = await engine.handle(message);
    if (reply.intent !== "intake-done") return reply;
    const thread = await currentThread(message);
    if (!thread || thread.away) return reply;
    return {
      ...reply,
      text: `${reply.text}\n\n${threadTexts.inThread(thread.caseId)}`,
      buttons: [...reply.buttons, leaveButton],
    };
  }

  async function inThread(message: Message, thread: CaseThreadState, started: Date): Promise<Reply> {
    const { action } = message;
    const normalized = normalize(clean(message.text));
    if (action?.type === "leave-thread" || (!action && isLeaveThread(message.text))) {
      await setAway(message, thread, true);
      return say(threadTexts.left(thread.caseId), "thread-left", [resumeButton]);
    }
    if (action?.type === "escalate") {
      return say(threadTexts.resumed(thread.caseId), "thread-resumed", [leaveButton]);
    }
    // A button of an earlier bot message (an FAQ, 👍): pressing it asks the bot on purpose.
    if (action) return viaEngine(message);
    const words = normalized.split(" ").length;
    const command = words <= SHORT_COMMAND_WORDS ? detectIntent(normalized) : undefined;
    // "XÓA" answers the deletion's confirmation question, which the bot asked; while that question
    // waits, its other answers ("xác nhận", "không" to keep everything) are the engine's too.
    // Anything else still goes to the officer.
    const answersDeletion =
      foldWords(message.text) === "xoa" ||
      ((isForgetConfirmation(message.text) || isForgetRefusal(message.text)) &&
        Boolean((await deps.sessions?.get(message.sessionId).catch(() => undefined))?.pendingDelete));
    if (command === "delete-data" || command === "case-status" || answersDeletion) return viaEngine(message);

    const danger = detectEmergency(normalized) !== undefined;
    let posted: boolean;
    try {
      posted = await threads.post(message.channel, message.sessionId, thread.caseId, clean(message.text));
    } catch (error) {
      deps.onError?.(error, "thread");
      // Danger is answered whatever happened to the thread; otherwise say plainly it was not sent.
      if (danger) return engine.handle(message);
      return say(threadTexts.notSaved(deps.org), "thread-not-saved");
    }
    // Closed between the lookup and the post: the bot answers, as after any close.
    if (!posted) return viaEngine(message);
    recordUsage(message, started);
    if (danger) {
      const reply = await engine.handle(message);
      return { ...reply, text: `${reply.text}${threadTexts.alsoForwarded(thread.caseId)}` };
    }
    // The bot stays out: nothing is said back (the web chat marks the message as sent to the officer).
    return say("", "thread-message");
  }

  return {
    async handle(raw) {
      const started = deps.clock.now();
      const message = asTyped(raw);
      const thread = await currentThread(message);
      if (!thread) {
        // "Quay lại trợ lý" pressed after the case closed: the bot is already answering.
        if (message.action?.type === "leave-thread") return say(threadTexts.botAgain(), "thread-left");
        return viaEngine(message);
      }
      if (!thread.away) return inThread(message, thread, started);
      const { action } = message;
      const backToOfficer =
        action?.type === "escalate" ||
        (!action && detectIntent(normalize(clean(message.text))) === "ask-person");
      if (backToOfficer) {
        await setAway(message, thread, false);
        return say(threadTexts.resumed(thread.caseId), "thread-resumed", [leaveButton]);
      }
      if (action?.type === "leave-thread")
        return say(threadTexts.left(thread.caseId), "thread-left", [resumeButton]);
      return viaEngine(message);
    },
  };
}
