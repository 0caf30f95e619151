import type {
  CaseAuditEntry,
  CaseChannel,
  CaseOutcome,
  CaseStatus,
  EligibilityResult,
  LegalAidCase,
  NewCaseInput,
} from "./case-schema.js";

/** A case as the queue page shows it: no transcript, description or contact details. */
export interface CaseSummary {
  readonly id: string;
  readonly status: CaseStatus;
  /** Citizen messages in the thread no staff member has read yet. */
  readonly unread: number;
  readonly channel: CaseChannel;
  readonly topic: string;
  readonly commune: string;
  readonly eligibility: EligibilityResult;
  readonly contactPreference: LegalAidCase["contactPreference"];
  readonly createdAt: string;
  readonly firstResponseDueAt: string;
  readonly claimedBy?: string;
  /** Not yet answered and past its first-response deadline. */
  readonly overdue: boolean;
}

/** Filters of the queue page; every one is optional. */
export interface CaseListFilter {
  readonly status?: Exclude<CaseStatus, "closed">;
  readonly topic?: string;
  readonly channel?: CaseChannel;
  readonly eligibility?: EligibilityResult;
  readonly overdue?: boolean;
  /** Only cases this staff member may see: unclaimed ones and the ones they hold (counts too). */
  readonly visibleTo?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** A page of not-yet-closed cases, earliest deadline first, with counts over the whole queue. */
export interface CaseList {
  readonly cases: CaseSummary[];
  /** How many cases match the filter (before offset/limit). */
  readonly matching: number;
  readonly counts: {
    readonly total: number;
    readonly overdue: number;
    readonly byStatus: Readonly<Record<Exclude<CaseStatus, "closed">, number>>;
  };
}

/** A page of closed cases, newest first. */
export interface ClosedCaseList {
  readonly cases: CaseSummary[];
  readonly matching: number;
}

/** What a claim tells the caller; losing a race is an answer, not an error. */
export type ClaimResult =
  | { readonly ok: true; readonly case: LegalAidCase }
  | { readonly ok: false; readonly status: CaseStatus; readonly claimedBy?: string };

/** A staff reply or internal note as the store takes it. */
export interface NewCaseNote {
  readonly kind: "reply" | "note";
  readonly by: string;
  readonly text: string;
  /** For a reply: the messenger key of its delivery. */
  readonly delivery?: string;
  /** For a reply that chat could not carry (Zalo window closed). */
  readonly notSent?: "outside-window";
}

/**
 * A condition checked in the same atomic step as the write: `holder` means "only if the case is
 * held by this username" (a plain staff member acting), so a transfer in between cannot be overtaken.
 * A failed check throws CaseActionDeniedError with reason `not-holder`.
 */
export interface CaseGuard {
  readonly holder?: string;
}

/** What a rating attempt tells the caller. */
export type RateResult = "ok" | "missing" | "not-theirs" | "not-closed" | "already-rated";

/** What a citizen's message to a case thread tells the caller. */
export type CitizenMessageResult = "ok" | "missing" | "not-theirs" | "closed";

/** The case a citizen's chat talks to (opened with "reply in this chat"); `away` while they talk to the bot. */
export interface CaseThreadPointer {
  readonly caseId: string;
  readonly away: boolean;
}

/** Durable legal-aid cases; every state change is audited with who and when. */
export interface CaseStore {
  /**
   * Writes the case atomically and resolves only once Redis has applied it. With an `intakeKey`
   * already used, nothing is written and the case opened then comes back with `existing: true`.
   */
  create(input: NewCaseInput, by?: string): Promise<LegalAidCase & { readonly existing?: boolean }>;
  get(id: string): Promise<LegalAidCase | undefined>;
  listOpen(filter?: CaseListFilter): Promise<CaseList>;
  /** Closed cases, newest first; `visibleTo` keeps only the ones that staff member held. */
  listClosed(filter?: { visibleTo?: string; offset?: number; limit?: number }): Promise<ClosedCaseList>;
  /**
   * Cases (open and closed) found by case code, digits of the phone number or words of the commune;
   * `visibleTo` keeps unclaimed cases and that staff member's.
   */
  search(query: string, filter?: { visibleTo?: string; limit?: number }): Promise<CaseSummary[]>;
  /** Ids of the citizen's cases that are not anonymized, for status questions and data deletion. */
  idsForCitizen(citizenKey: string): Promise<string[]>;
  claim(id: string, staff: string): Promise<ClaimResult>;
  addNote(id: string, note: NewCaseNote, guard?: CaseGuard): Promise<LegalAidCase>;
  /** Hands a not-closed case to another staff member (an open one becomes claimed by them). */
  transfer(id: string, by: string, to: string, guard?: CaseGuard): Promise<LegalAidCase>;
  close(id: string, by: string, outcome: CaseOutcome, guard?: CaseGuard): Promise<LegalAidCase>;
  /** Records the citizen's rating of a closed case, once, only from the citizen whose case it is. */
  rate(id: string, rating: number, citizenKey: string): Promise<RateResult>;
  /** Blanks the personal data of a case; `detail` says why (e.g. "citizen request", "retention"). */
  anonymize(id: string, by: string, detail?: string): Promise<void>;
  /** Closed cases whose `closedAt` is before `before`, oldest first (for the retention job). */
  closedBefore(before: Date, limit?: number): Promise<string[]>;
  audit(id: string): Promise<CaseAuditEntry[]>;
  /** The thread pointer of a citizen, set when a case answered in the chat was opened. */
  thread(citizenKey: string): Promise<CaseThreadPointer | undefined>;
  /** Marks the citizen away from (or back in) the thread of `caseId`; false when the pointer names another case. */
  setThreadAway(citizenKey: string, caseId: string, away: boolean): Promise<boolean>;
  /** Removes the pointer when it still names `caseId` (the case was closed). */
  dropThread(citizenKey: string, caseId: string): Promise<void>;
  /** Appends the citizen's message to the case thread (unread until staff read it). */
  addCitizenMessage(id: string, citizenKey: string, text: string): Promise<CitizenMessageResult>;
  /** Staff read the thread: its unread count goes back to 0. */
  markRead(id: string): Promise<void>;
}
