/**
 * The small interfaces the core engine talks to. Adapters (Meilisearch, Redis, the translator)
 * implement them outside `src/core`; tests use in-memory fakes.
 */

import type { MessageChannel } from "./reply.js";

/** A legal document reference, as shown under an answer. */
export interface LegalRef {
  readonly document: string;
  readonly number?: string;
  readonly article?: string;
  readonly clause?: string;
}

/** A published FAQ as the engine needs it. */
export interface FaqRecord {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly topic: string;
  readonly legalBasis: readonly LegalRef[];
  readonly related: readonly string[];
  /** Questions of the related FAQs, resolved at index time. */
  readonly relatedLinks?: readonly { readonly id: string; readonly question: string }[];
  readonly variants?: readonly string[];
  readonly tags?: readonly string[];
  readonly audiences?: readonly string[];
  readonly status?: string;
  /** Attribute → values that set the FAQ apart from its siblings (content's `facets`); first value is the label. */
  readonly facets?: Readonly<Record<string, readonly string[]>>;
}

/** One search result, best first; `score` is 0..1. */
export interface FaqHit {
  readonly faq: FaqRecord;
  readonly score: number;
  /** Share of the question's words (IDF-weighted) that the FAQ contains, 0..1; absent when unknown. */
  readonly coverage?: number;
}

/** Full-text search over published FAQs. */
export interface FaqSearch {
  /** Top hits for an already normalized query, best first. */
  search(query: string, options: { limit: number }): Promise<FaqHit[]>;
  /** A published FAQ by id, or undefined. */
  get(id: string): Promise<FaqRecord | undefined>;
  /** Up to `limit` published FAQs of one topic, in the corpus's order (absent: topics list nothing). */
  byTopic?(topic: string, limit: number): Promise<FaqRecord[]>;
}

/** What the engine remembers between two messages of one conversation. */
export interface SessionState {
  /** FAQ ids listed in the last reply (choices, or an answer's suggestions), so "2" picks the second. */
  pendingChoices?: string[];
  /** The attribute the last reply asked about (a clarification); its options are `pendingChoices`. */
  clarifying?: string;
  /** The last question searched (normalized), so "thế còn ô tô?" can follow it. */
  lastQuery?: string;
  /** Topic ids listed, numbered, in the last reply (greeting, help, fallback), so "3" opens the third. */
  pendingTopics?: string[];
  /** Consecutive questions that found no answer. */
  failedAttempts: number;
  /** Language of the last message (ISO 639-1). */
  language?: string;
  /** The last FAQ answered, for feedback. */
  lastFaqId?: string;
  /** Short transcript (the escalation issue hands it to staff). */
  turns?: { role: "citizen" | "bot"; text: string; at: string }[];
  /** The intake conversation in progress, when the citizen is being handed to staff. */
  intake?: IntakeState;
  /** A closed case whose 1–5 rating was asked; the next "1".."5" answers it. */
  pendingRating?: string;
  /** FAQ ids the bot showed in this conversation (answers and suggestions), for staff. */
  shownFaqIds?: string[];
  /** When the citizen asked to delete their data; the deletion waits for "XÓA" (ISO time). */
  pendingDelete?: string;
}

/** Where an intake conversation stands; each answer moves it one step. */
export interface IntakeState {
  step: "consent" | "description" | "topic" | "contact" | "phone" | "commune" | "eligibility" | "confirm";
  /** Why it started: ask-person, complex-case, second-failure, long-story, button. */
  reason: string;
  description?: string;
  topic?: string;
  /** Topic suggested from the description the citizen typed in this intake (never an earlier FAQ). */
  suggestedTopic?: string;
  contactPreference?: "chat" | "phone";
  phone?: string;
  commune?: string;
  /** Yes/no answers to the Art. 7 screening, keyed by group (see src/escalation/eligibility.ts). */
  eligibility: Record<string, boolean>;
  /** Index of the next screening question. */
  eligibilityIndex?: number;
  startedAt: string;
  /** Set by a danger message: the draft is kept and the bot answers until the citizen resumes. */
  paused?: boolean;
}

/** A case as the intake hands it over; the desk adds the code, deadlines and the citizen's key. */
export interface IntakeCase {
  readonly channel: MessageChannel;
  readonly sessionId: string;
  readonly reason: string;
  readonly description: string;
  readonly topic: string;
  readonly contactPreference: "chat" | "phone";
  readonly phone?: string;
  readonly commune: string;
  readonly eligibility: Readonly<Record<string, boolean>>;
  readonly transcript: readonly { role: "citizen" | "bot"; text: string; at: string }[];
  /** FAQs the bot showed in the conversation, for staff. */
  readonly shownFaqIds: readonly string[];
  /** Names this intake: opening the same intake again returns the case already opened. */
  readonly intakeId?: string;
}

/** A citizen's case as they may see it ("tình trạng hồ sơ"). */
export interface CaseStatusView {
  readonly id: string;
  readonly status: "open" | "claimed" | "answered" | "closed";
  readonly createdAt: string;
  readonly firstResponseDueAt: string;
}

/** The legal-aid case desk, as the engine sees it (the escalation module implements it). */
export interface CaseDesk {
  /** Writes the case durably and resolves with its code only once it is stored. */
  open(input: IntakeCase): Promise<{ readonly id: string; readonly firstResponseDueAt: string }>;
  /** The citizen's cases in this conversation, newest first. */
  statusFor(channel: IntakeCase["channel"], sessionId: string): Promise<CaseStatusView[]>;
  /** Anonymizes every case of this conversation (audited); resolves with how many. */
  forget(channel: IntakeCase["channel"], sessionId: string): Promise<number>;
  /** Records the citizen's 1–5 rating of a closed case; false when it is not theirs or not closed. */
  rate(caseId: string, rating: number, channel: IntakeCase["channel"], sessionId: string): Promise<boolean>;
}

/** Where a citizen's chat stands with an open case answered in the chat. */
export interface CaseThreadState {
  readonly caseId: string;
  /** The citizen left the thread on purpose and is talking to the bot. */
  readonly away: boolean;
}

/**
 * The case thread: while a case the citizen chose to be answered in this chat is open, what they
 * type goes to the case, not to the bot (the escalation module implements it).
 */
export interface CaseThreads {
  /** The open case this conversation talks to, or undefined (none, closed, or answered by phone). */
  current(channel: IntakeCase["channel"], sessionId: string): Promise<CaseThreadState | undefined>;
  /** Adds the citizen's message to the case durably; false when the case closed meanwhile. */
  post(channel: IntakeCase["channel"], sessionId: string, caseId: string, text: string): Promise<boolean>;
  /** The citizen leaves the thread (`away`) or comes back to it. */
  setAway(channel: IntakeCase["channel"], sessionId: string, caseId: string, away: boolean): Promise<void>;
}

/** Per-conversation state with a time-to-live. */
export interface SessionStore {
  get(sessionId: string): Promise<SessionState | undefined>;
  set(sessionId: string, state: SessionState): Promise<void>;
  delete(sessionId: string): Promise<void>;
}

/** One record per interaction; no raw identifiers or message text except scrubbed curation samples. */
export interface UsageEvent {
  readonly at: string;
  readonly channel: string;
  /** Keyed hash of the session id. */
  readonly session: string;
  /** Keyed hash of the day and the message's network (`Message.origin`), when known. */
  readonly origin?: string;
  readonly kind: string;
  /** The conversation intent, when no search was needed. */
  readonly intent?: string;
  readonly faqId?: string;
  readonly topic?: string;
  readonly confidence?: number;
  readonly language: string;
  readonly latencyMs: number;
  readonly translated?: boolean;
  /** What the citizen typed, scrubbed of phone and ID numbers; only for `choices` and `fallback`. */
  readonly sample?: string;
  /** The sample as the engine searched it (normalized, scrubbed), when that differs. */
  readonly normalized?: string;
}

/** Where usage events go. Recording must never fail an answer. */
export interface UsageSink {
  record(event: UsageEvent): Promise<void>;
}

/** Machine translation; used only when enabled in config. */
export interface Translator {
  translate(text: string, options: { from: string; to: string; signal: AbortSignal }): Promise<string>;
}

/** A small key-value cache with expiry (Redis in the app). */
export interface Cache {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
}

/** Detects the language of a text (ISO 639-1 code, or "" when unsure). */
export type LanguageDetector = (text: string) => string;

/** Time, injected so tests control it. */
export interface Clock {
  now(): Date;
}
