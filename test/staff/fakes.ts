import type {
  CaseChannel,
  CaseEvent,
  CaseEventSink,
  CaseTimers,
  CitizenMessenger,
  DeliveryState,
  LegalAidCase,
} from "../../src/escalation/index.js";

/** Timers that record calls; the deadline is 8 hours after opening. */
export interface FakeTimers extends CaseTimers {
  readonly openedIds: string[];
  readonly settledIds: string[];
  /** Makes `opened` throw, as when the queue's Redis is unreachable. */
  failOpened: boolean;
}

export function fakeTimers(): FakeTimers {
  const timers: FakeTimers = {
    openedIds: [],
    settledIds: [],
    failOpened: false,
    dueAt: (openedAt) => new Date(openedAt.getTime() + 8 * 3_600_000),
    async opened(c: LegalAidCase) {
      if (timers.failOpened) throw new Error("queue down");
      timers.openedIds.push(c.id);
    },
    async settled(caseId) {
      timers.settledIds.push(caseId);
    },
  };
  return timers;
}

/** A messenger that records sends; a conversation in `closedWindows` cannot be reached. */
export interface FakeMessenger extends CitizenMessenger {
  readonly sent: { channel: CaseChannel; conversationId: string; text: string; key: string }[];
  readonly closedWindows: Set<string>;
  readonly states: Map<string, DeliveryState>;
  /** Conversations whose kept messages were deleted. */
  readonly forgotten: string[];
}

export function fakeMessenger(): FakeMessenger {
  const messenger: FakeMessenger = {
    sent: [],
    closedWindows: new Set(),
    states: new Map(),
    forgotten: [],
    async forget(_channel, conversationId) {
      messenger.forgotten.push(conversationId);
    },
    async send(input) {
      if (!messenger.states.has(input.key)) messenger.sent.push({ ...input });
      messenger.states.set(input.key, messenger.states.get(input.key) ?? "queued");
      return messenger.states.get(input.key) ?? "queued";
    },
    async state(_channel, key) {
      return messenger.states.get(key) ?? "queued";
    },
    async canReach(_channel, conversationId) {
      return !messenger.closedWindows.has(conversationId);
    },
  };
  return messenger;
}

/** An event sink that keeps the events in order. */
export function fakeEvents(): CaseEventSink & { readonly events: CaseEvent[] } {
  const events: CaseEvent[] = [];
  return {
    events,
    async record(event) {
      events.push(event);
    },
  };
}
