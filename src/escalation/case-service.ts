import type { Button, CaseDesk, CaseThreads } from "../core/index.js";
import type {
  CaseAuditEntry,
  CaseChannel,
  CaseOutcome,
  EligibilityResult,
  LegalAidCase,
} from "./case-schema.js";
import type { CaseList, CaseListFilter, CaseSummary, ClaimResult, ClosedCaseList } from "./case-store.js";
import type { StaffRole } from "./staff-accounts.js";

/** Who is looking at or acting on cases in the staff console. */
export interface StaffViewer {
  readonly username: string;
  readonly role: StaffRole;
}

/** Where a message to a citizen stands. */
export type DeliveryState = "queued" | "sent" | "failed" | "outside-window" | "unsupported";

/** A reply sent to a citizen, with its delivery state looked up live. */
export interface ReplyDelivery {
  readonly key: string;
  readonly state: DeliveryState;
}

/** A case as the case page shows it: the case, its replies' delivery and whether chat can reach the citizen. */
export interface CaseView {
  readonly case: LegalAidCase;
  /** Delivery state of each staff reply, by the note's delivery key. */
  readonly deliveries: Readonly<Record<string, DeliveryState>>;
  /** False when a chat reply cannot reach the citizen now (Zalo window closed); the console suggests the phone. */
  readonly chatOpen: boolean;
  /** What the console says about reaching the citizen, in Vietnamese, when chat is not open. */
  readonly chatNote?: string;
  /** Who did what to the case, oldest first. */
  readonly audit?: readonly CaseAuditEntry[];
  /** What this viewer may do now. */
  readonly can: {
    readonly claim: boolean;
    readonly reply: boolean;
    readonly note: boolean;
    readonly transfer: boolean;
    readonly close: boolean;
  };
}

/**
 * Legal-aid cases as the staff console uses them. Authorization lives here: staff see open
 * cases and the cases they hold; supervisors and admins see all. A case the viewer may not see
 * is reported as not found (the API answers 404).
 */
export interface CaseService {
  /** The engine's side: open, status, forget, rate. */
  readonly desk: CaseDesk;
  /** The citizen's side of the case thread (their messages to staff while the case is open). */
  readonly threads: CaseThreads;
  list(viewer: StaffViewer, filter?: CaseListFilter): Promise<CaseList>;
  /** Closed cases, newest first: all for supervisors and admins, the ones they held for staff. */
  listClosed(viewer: StaffViewer, page?: { offset?: number; limit?: number }): Promise<ClosedCaseList>;
  /** Open and closed cases this viewer may see, by case code, phone digits or commune words. */
  search(viewer: StaffViewer, query: string): Promise<CaseSummary[]>;
  view(viewer: StaffViewer, id: string): Promise<CaseView | undefined>;
  claim(viewer: StaffViewer, id: string): Promise<ClaimResult>;
  /** Records the reply on the case, then queues it to the citizen's channel. */
  reply(viewer: StaffViewer, id: string, text: string): Promise<ReplyDelivery>;
  note(viewer: StaffViewer, id: string, text: string): Promise<void>;
  transfer(viewer: StaffViewer, id: string, toUsername: string): Promise<void>;
  /** Closes with an outcome and asks the citizen for a 1–5 rating through their channel. */
  close(viewer: StaffViewer, id: string, outcome: CaseOutcome): Promise<void>;
  /** Starts the SLA and retention workers; re-schedules timers of open cases (idempotent). */
  start(): Promise<void>;
  /** Stops the workers and queues. */
  stop(): Promise<void>;
}

/** The SLA side of cases: deadlines in working hours, staff notification and reminder/breach timers. */
export interface CaseTimers {
  /** When the first response of a case opened at `openedAt` is due (working hours, holidays skipped). */
  dueAt(openedAt: Date): Date;
  /** Queues the staff notification and the reminder/breach jobs of a new case; idempotent by case id. */
  opened(c: LegalAidCase): Promise<void>;
  /** The first response was given or the case closed: its pending SLA jobs are dropped. */
  settled(caseId: string): Promise<void>;
}

/** Sends a text to a citizen through the channel they wrote from (the channels' outbound queues). */
export interface CitizenMessenger {
  /** Queues `text`; `key` makes a repeat a no-op. */
  send(input: {
    readonly channel: CaseChannel;
    readonly conversationId: string;
    readonly text: string;
    readonly key: string;
    /** Quick replies where the channel has buttons (web, Telegram); Zalo gets the text alone. */
    readonly buttons?: readonly Button[];
  }): Promise<DeliveryState>;
  /** Where an earlier send stands. */
  state(channel: CaseChannel, key: string): Promise<DeliveryState>;
  /** Whether a chat message can reach this conversation now (Zalo's reply window). */
  canReach(channel: CaseChannel, conversationId: string): Promise<boolean>;
  /** Deletes what is kept for this conversation outside the case (the web chat's inbox of staff replies). */
  forget(channel: CaseChannel, conversationId: string): Promise<void>;
}

/** One case event for the reports (issue 7): no citizen text, no raw ids. */
export interface CaseEvent {
  readonly at: string;
  readonly type:
    | "created"
    | "claimed"
    | "first-reply"
    | "replied"
    | "transferred"
    | "closed"
    | "rated"
    | "sla-reminder"
    | "sla-breach"
    | "anonymized";
  readonly channel: CaseChannel;
  readonly topic: string;
  readonly eligibility: EligibilityResult;
  /** Art. 7 groups the citizen said yes to (eligibility keys). */
  readonly groups: readonly string[];
  /** Staff username, for staff actions. */
  readonly by?: string;
  readonly outcome?: CaseOutcome;
  readonly rating?: number;
  /** For `first-reply`: working-clock milliseconds from creation to the first reply. */
  readonly responseMs?: number;
}

/** Where case events go (a Redis stream in the app). Recording never fails a case action. */
export interface CaseEventSink {
  record(event: CaseEvent): Promise<void>;
}

/** A change to a case that staff pages show without a reload. No citizen text, only the case code. */
export interface CaseLiveEvent {
  readonly caseId: string;
  /** "citizen-message", or a case event type ("created", "claimed", "replied", "closed", …, "noted", "read"). */
  readonly type: string;
  readonly status: "open" | "claimed" | "answered" | "closed";
  /** Who holds the case, so a page shows a staff member only the cases they may see. */
  readonly claimedBy?: string;
}

/** Live case events between instances (Redis pub/sub in the app). */
export interface CaseLive {
  publish(event: CaseLiveEvent): Promise<void>;
  /** Calls `listener` for every event from now on; resolves with the function that stops it. */
  subscribe(listener: (event: CaseLiveEvent) => void): Promise<() => void>;
  close(): Promise<void>;
}
