import { randomBytes } from "node:crypto";
import { channelRegistry } from "../channels/channel-registry.js";
import type { Button, CaseDesk, CaseStatusView, Clock, IntakeCase, SessionStore } from "../core/index.js";
import type { Logger } from "../logging/index.js";
import { caseEvent } from "./case-event.js";
import {
  type CaseChannel,
  type EligibilityAnswers,
  eligibilityGroupSchema,
  type LegalAidCase,
  type NewCaseInput,
} from "./case-schema.js";
import type {
  CaseEvent,
  CaseEventSink,
  CaseLive,
  CaseService,
  CaseTimers,
  CaseView,
  CitizenMessenger,
  DeliveryState,
  StaffViewer,
} from "./case-service.js";
import type { CaseGuard, CaseStore } from "./case-store.js";
import { createCaseThreads } from "./case-threads.js";
import { screenEligibility } from "./eligibility.js";
import { CaseActionDeniedError, CaseNotFoundError, CaseStateError } from "./errors.js";
import type { StaffAccounts } from "./staff-accounts.js";
import { staffUsernameSchema } from "./staff-accounts.js";
import { type WorkingHours, workingMsBetween } from "./working-hours.js";

/** What {@link createCaseService} needs; every piece is a port so tests can pass fakes. */
export interface CaseServiceDeps {
  readonly store: CaseStore;
  readonly timers: CaseTimers;
  readonly messenger: CitizenMessenger;
  readonly events: CaseEventSink;
  /** The engine's session store: closing a case sets `pendingRating` in the citizen's session. */
  readonly sessions: SessionStore;
  /** Keyed hash of an id (the app's HMAC), so no raw chat id is stored with a case. */
  readonly hashId: (id: string) => string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Transfer targets must be existing accounts. */
  readonly accounts: Pick<StaffAccounts, "get">;
  /** Office hours for the first-response time on the working clock; wall-clock time when absent. */
  readonly workingHours?: WorkingHours;
  /** Tells staff pages of every instance that a case changed. */
  readonly live?: CaseLive;
}

const MAX_TEXT = 4000;
/** A claim lost within this long of the winner's is a race the loser is told about (409). */
const CLAIM_RACE_MS = 60_000;
const MAX_TURNS = 200;
/** Said on the case page when a channel's reply window closed (`label`: the channel's name). */
const replyWindowClosedNote = (label: string) => `Đã quá thời hạn nhắn lại qua ${label}, vui lòng gọi điện`;
const NO_CHAT_NOTE = "Không nhắn được cho người dân qua kênh chat, vui lòng gọi điện";

const supervises = (viewer: StaffViewer) => viewer.role === "supervisor" || viewer.role === "admin";

/** Staff see unclaimed cases and the ones they hold; supervisors and admins see all. */
function canSee(viewer: StaffViewer, c: LegalAidCase): boolean {
  return supervises(viewer) || c.status === "open" || c.claimedBy === viewer.username;
}

/** Only the holder (or a supervisor/admin) acts on a case. */
function canAct(viewer: StaffViewer, c: LegalAidCase): boolean {
  return supervises(viewer) || c.claimedBy === viewer.username;
}

/** The store-side check that goes with {@link canAct}, so a transfer in between is not overtaken. */
const guardFor = (viewer: StaffViewer): CaseGuard => (supervises(viewer) ? {} : { holder: viewer.username });

/** The case channel of an intake; a source with no desk (console, api) or unknown id throws. */
function deskChannel(channel: IntakeCase["channel"]): CaseChannel {
  return channelRegistry.get(channel).id;
}

/** Why chat cannot reach the citizen of `c`, as the case page says it. */
function chatNote(c: LegalAidCase): string {
  const channel = channelRegistry.get(c.channel);
  return channel.capabilities.replyWindow && c.conversationId
    ? replyWindowClosedNote(channel.label)
    : NO_CHAT_NOTE;
}

function knownAnswers(raw: Readonly<Record<string, boolean>>): EligibilityAnswers {
  const answers: EligibilityAnswers = {};
  for (const [key, value] of Object.entries(raw)) {
    const group = eligibilityGroupSchema.safeParse(key);
    if (group.success && typeof value === "boolean") answers[group.data] = value;
  }
  return answers;
}

/** The message that asks the citizen to rate a closed case. */
export function ratingQuestion(caseId: string): string {
  return `Dạ, hồ sơ ${caseId} của bạn đã được đóng. Bạn chấm điểm mức hài lòng từ 1 đến 5 (5 là rất hài lòng) bằng cách gửi một số giúp mình nhé. Từ giờ, trợ lý tự động trả lời các tin nhắn của bạn.`;
}

/** The rating as buttons (web, Telegram): each reads as the typed number. */
export const RATING_BUTTONS: readonly Button[] = [
  { label: "1 · Không hài lòng", action: { type: "answer", text: "1" } },
  { label: "2", action: { type: "answer", text: "2" } },
  { label: "3", action: { type: "answer", text: "3" } },
  { label: "4", action: { type: "answer", text: "4" } },
  { label: "5 · Rất hài lòng", action: { type: "answer", text: "5" } },
];

/** How a staff reply reads in the citizen's chat. */
export function staffReplyText(caseId: string, text: string): string {
  return `Cán bộ trợ giúp pháp lý trả lời hồ sơ ${caseId}:\n${text}`;
}

/**
 * The legal-aid case service: the engine's {@link CaseDesk} (open, status, forget, rate) and the
 * staff side with authorization. The store write comes first and is the only step that can fail
 * an action; timers, events and messages after it are logged when they fail (a restart
 * re-schedules timers through {@link CaseService.start}).
 */
export function createCaseService(deps: CaseServiceDeps): CaseService {
  const { store, timers, messenger, events, sessions, clock } = deps;
  const log = deps.logger.child({ component: "case-service" });

  /** Runs a step after the durable write; a failure is logged (no citizen text), never thrown. */
  async function after(step: string, caseId: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (err) {
      log.error({ err, caseId, step }, "case follow-up step failed");
    }
  }

  /** Staff pages showing this case or the queue refresh; a failure only delays them. */
  const publish = (c: LegalAidCase, type: string) =>
    after(`live ${type}`, c.id, async () =>
      deps.live?.publish({
        caseId: c.id,
        type,
        status: c.status,
        ...(c.claimedBy ? { claimedBy: c.claimedBy } : {}),
      }),
    );

  const record = async (
    c: LegalAidCase,
    type: CaseEvent["type"],
    extra?: Parameters<typeof caseEvent>[3],
  ) => {
    await after(`event ${type}`, c.id, () => events.record(caseEvent(c, type, clock.now(), extra)));
    await publish(c, type);
  };

  function citizenKey(channel: IntakeCase["channel"], sessionId: string): string {
    return deps.hashId(`${deskChannel(channel)}:${sessionId}`);
  }

  /** The case if this viewer may see it; otherwise not found, whether it exists or not. */
  async function visible(viewer: StaffViewer, id: string): Promise<LegalAidCase> {
    const c = await store.get(id);
    if (!c || !canSee(viewer, c)) throw new CaseNotFoundError(id);
    return c;
  }

  async function actionable(viewer: StaffViewer, id: string, action: string): Promise<LegalAidCase> {
    const c = await visible(viewer, id);
    if (!canAct(viewer, c)) throw new CaseActionDeniedError(id, "not-holder", action);
    if (c.status === "closed") throw new CaseStateError(id, c.status, action);
    return c;
  }

  async function reachable(c: LegalAidCase): Promise<boolean> {
    if (!c.conversationId) return false;
    try {
      return await messenger.canReach(c.channel, c.conversationId);
    } catch (err) {
      log.warn({ err, caseId: c.id }, "could not check whether chat reaches the citizen; assuming it does");
      return true;
    }
  }

  async function deliveryState(c: LegalAidCase, key: string): Promise<DeliveryState> {
    try {
      return await messenger.state(c.channel, key);
    } catch (err) {
      log.warn({ err, caseId: c.id }, "could not read a reply's delivery state");
      return "queued";
    }
  }

  function responseMs(c: LegalAidCase, at: Date): number {
    const from = new Date(c.createdAt);
    return deps.workingHours
      ? workingMsBetween(from, at, deps.workingHours)
      : Math.max(0, at.getTime() - from.getTime());
  }

  const desk: CaseDesk = {
    async open(intake) {
      const channel = deskChannel(intake.channel);
      const now = clock.now();
      const answers = knownAnswers(intake.eligibility);
      const input: NewCaseInput = {
        channel,
        citizenKey: citizenKey(intake.channel, intake.sessionId),
        conversationId: intake.sessionId,
        contactPreference: intake.contactPreference,
        ...(intake.phone ? { phone: intake.phone } : {}),
        commune: intake.commune,
        topic: intake.topic,
        description: intake.description.slice(0, MAX_TEXT),
        eligibility: { result: screenEligibility(answers).result, answers },
        transcript: intake.transcript
          .slice(-MAX_TURNS)
          .map((t) => ({ ...t, text: t.text.slice(0, MAX_TEXT) })),
        firstResponseDueAt: timers.dueAt(now).toISOString(),
        reason: intake.reason.slice(0, 64),
        shownFaqIds: [...new Set(intake.shownFaqIds)].slice(0, 50),
        ...(intake.intakeId
          ? {
              intakeKey: deps.hashId(
                `intake:${citizenKey(intake.channel, intake.sessionId)}:${intake.intakeId}`,
              ),
            }
          : {}),
      };
      const created = await store.create(input, "citizen");
      if (created.existing) {
        log.info({ caseId: created.id }, "the same intake was sent again; its case is already open");
        return { id: created.id, firstResponseDueAt: created.firstResponseDueAt };
      }
      await after("timers", created.id, () => timers.opened(created));
      await record(created, "created");
      log.info({ caseId: created.id, channel, topic: created.topic }, "legal-aid case opened");
      return { id: created.id, firstResponseDueAt: created.firstResponseDueAt };
    },

    async statusFor(channel, sessionId) {
      const ids = await store.idsForCitizen(citizenKey(channel, sessionId));
      const cases = await Promise.all(ids.map((id) => store.get(id)));
      return cases
        .filter((c): c is LegalAidCase => c !== undefined)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map(
          (c): CaseStatusView => ({
            id: c.id,
            status: c.status,
            createdAt: c.createdAt,
            firstResponseDueAt: c.firstResponseDueAt,
          }),
        );
    },

    async forget(channel, sessionId) {
      const ids = await store.idsForCitizen(citizenKey(channel, sessionId));
      let count = 0;
      for (const id of ids) {
        const c = await store.get(id);
        if (!c) continue;
        // A case still waiting for staff is closed first, so no empty shell stays in the queue.
        if (c.status !== "closed") {
          await store.close(id, "citizen", "no-response").catch((err: unknown) => {
            log.warn({ err: String(err), caseId: id }, "could not close the case before anonymizing it");
          });
        }
        await store.anonymize(id, "citizen", "citizen request");
        count += 1;
        await after("timers", id, () => timers.settled(id));
        await record(c, "anonymized");
      }
      await messenger
        .forget(deskChannel(channel), sessionId)
        .catch((err: unknown) => log.warn({ err: String(err) }, "could not delete the citizen's inbox"));
      if (count) log.info({ count }, "cases anonymized at the citizen's request");
      return count;
    },

    async rate(caseId, rating, channel, sessionId) {
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return false;
      const result = await store.rate(caseId, rating, citizenKey(channel, sessionId));
      if (result !== "ok") return false;
      const c = await store.get(caseId);
      if (c) await record(c, "rated", { rating });
      return true;
    },
  };

  return {
    desk,
    threads: createCaseThreads({ store, citizenKey, live: deps.live, logger: deps.logger }),

    list(viewer, filter = {}) {
      const { visibleTo: _ignored, ...rest } = filter;
      return store.listOpen(supervises(viewer) ? rest : { ...rest, visibleTo: viewer.username });
    },

    listClosed(viewer, page = {}) {
      return store.listClosed({ ...page, ...(supervises(viewer) ? {} : { visibleTo: viewer.username }) });
    },

    search(viewer, query) {
      return store.search(query, supervises(viewer) ? {} : { visibleTo: viewer.username });
    },

    async view(viewer, id) {
      const c = await store.get(id);
      if (!c || !canSee(viewer, c)) return undefined;
      const [chatOpen, audit, states] = await Promise.all([
        reachable(c),
        store.audit(id),
        Promise.all(
          c.notes.map(async (n) =>
            n.kind === "reply" && n.delivery
              ? ([n.delivery, n.notSent ?? (await deliveryState(c, n.delivery))] as const)
              : undefined,
          ),
        ),
      ]);
      const deliveries: Record<string, DeliveryState> = {};
      for (const entry of states) if (entry) deliveries[entry[0]] = entry[1];
      const acting = canAct(viewer, c) && c.status !== "closed";
      // The one handling the case has now seen the citizen's messages.
      if (canAct(viewer, c) && c.unread > 0) {
        await after("mark read", id, async () => {
          await store.markRead(id);
          await publish({ ...c, unread: 0 }, "read");
        });
      }
      return {
        case: c,
        deliveries,
        chatOpen,
        ...(chatOpen ? {} : { chatNote: chatNote(c) }),
        audit,
        can: {
          claim: c.status === "open" && !c.anonymizedAt,
          reply: acting && c.conversationId !== undefined,
          note: acting,
          transfer: acting,
          close: acting,
        },
      } satisfies CaseView;
    },

    async claim(viewer, id) {
      // No visibility check first: of two staff clicking at once, the one who lost the race is
      // told who holds the case (409), not that it vanished. Otherwise a case they may not see
      // stays unseen (404), so claiming cannot be used to probe case codes.
      const result = await store.claim(id, viewer.username);
      if (result.ok) {
        await record(result.case, "claimed", { by: viewer.username });
        return result;
      }
      const c = await store.get(id);
      const justTaken =
        c?.claimedAt !== undefined && clock.now().getTime() - Date.parse(c.claimedAt) < CLAIM_RACE_MS;
      if (!c || !(canSee(viewer, c) || justTaken)) throw new CaseNotFoundError(id);
      return result;
    },

    async reply(viewer, id, text) {
      const c = await actionable(viewer, id, "reply");
      if (!c.conversationId) throw new CaseActionDeniedError(id, "unreachable", "reply");
      const body = text.trim().slice(0, MAX_TEXT);
      const key = `case-${id}-reply-${randomBytes(6).toString("hex")}`;
      const open = await reachable(c);
      const updated = await store.addNote(
        id,
        {
          kind: "reply",
          by: viewer.username,
          text: body,
          delivery: key,
          ...(open ? {} : { notSent: "outside-window" }),
        },
        guardFor(viewer),
      );
      const mine = updated.notes.find((n) => n.delivery === key);
      const first =
        c.firstResponseAt === undefined && mine !== undefined && updated.firstResponseAt === mine.at;
      if (first) {
        await after("timers", id, () => timers.settled(id));
        const at = new Date(updated.firstResponseAt ?? clock.now().toISOString());
        await record(updated, "first-reply", { by: viewer.username, responseMs: responseMs(updated, at) });
      } else {
        await record(updated, "replied", { by: viewer.username });
      }
      if (!open) return { key, state: "outside-window" };
      const conversationId = c.conversationId;
      try {
        const state = await messenger.send({
          channel: c.channel,
          conversationId,
          text: staffReplyText(id, body),
          key,
        });
        return { key, state };
      } catch (err) {
        log.error({ err, caseId: id }, "staff reply recorded but could not be queued");
        return { key, state: "failed" };
      }
    },

    async note(viewer, id, text) {
      await actionable(viewer, id, "note");
      const updated = await store.addNote(
        id,
        { kind: "note", by: viewer.username, text: text.trim().slice(0, MAX_TEXT) },
        guardFor(viewer),
      );
      await publish(updated, "noted");
    },

    async transfer(viewer, id, toUsername) {
      const c = await actionable(viewer, id, "transfer");
      const parsed = staffUsernameSchema.safeParse(toUsername);
      const target = parsed.success ? await deps.accounts.get(parsed.data) : undefined;
      if (!target) throw new CaseActionDeniedError(id, "unknown-account", "transfer");
      if (target.username === c.claimedBy) throw new CaseActionDeniedError(id, "same-holder", "transfer");
      const updated = await store.transfer(id, viewer.username, target.username, guardFor(viewer));
      await record(updated, "transferred", { by: viewer.username });
    },

    async close(viewer, id, outcome) {
      await actionable(viewer, id, "close");
      const closed = await store.close(id, viewer.username, outcome, guardFor(viewer));
      await after("timers", id, () => timers.settled(id));
      await record(closed, "closed", { by: viewer.username, outcome });
      const conversationId = closed.conversationId;
      if (!conversationId || !(await reachable(closed))) return;
      await after("rating question", id, async () => {
        await messenger.send({
          channel: closed.channel,
          conversationId,
          text: ratingQuestion(id),
          key: `case-${id}-rating`,
          buttons: RATING_BUTTONS,
        });
        const session = (await sessions.get(conversationId)) ?? { failedAttempts: 0 };
        await sessions.set(conversationId, { ...session, pendingRating: id });
      });
    },

    async start() {
      let offset = 0;
      let scheduled = 0;
      for (;;) {
        const page = await store.listOpen({ offset, limit: 200 });
        for (const summary of page.cases) {
          const c = await store.get(summary.id);
          if (c) {
            await after("timers", c.id, () => timers.opened(c));
            scheduled += 1;
          }
        }
        offset += page.cases.length;
        if (page.cases.length === 0 || offset >= page.matching) break;
      }
      log.info({ scheduled }, "timers of open cases re-scheduled");
    },

    async stop() {
      // The timers and the messenger belong to the caller, which closes them.
    },
  };
}
