// Case data at the edges (zod schemas and their types).

export { caseEvent } from "./case-event.js";
export { caseKeys, staffKeys } from "./case-keys.js";
export {
  type CaseAuditEntry,
  type CaseChannel,
  type CaseEligibility,
  type CaseId,
  type CaseNote,
  type CaseOutcome,
  type CaseStatus,
  type ContactPreference,
  caseAuditEntrySchema,
  caseChannelSchema,
  caseEligibilitySchema,
  caseIdSchema,
  caseNoteSchema,
  caseOutcomeSchema,
  caseStatusSchema,
  contactPreferenceSchema,
  type EligibilityAnswers,
  type EligibilityGroup,
  type EligibilityResult,
  eligibilityAnswersSchema,
  eligibilityGroupSchema,
  eligibilityResultSchema,
  type LegalAidCase,
  legalAidCaseSchema,
  type NewCaseInput,
  newCaseInputSchema,
  type TranscriptTurn,
  transcriptTurnSchema,
  vietnamesePhoneSchema,
} from "./case-schema.js";
export type {
  CaseEvent,
  CaseEventSink,
  CaseLive,
  CaseLiveEvent,
  CaseService,
  CaseTimers,
  CaseView,
  CitizenMessenger,
  DeliveryState,
  ReplyDelivery,
  StaffViewer,
} from "./case-service.js";
export type {
  CaseGuard,
  CaseList,
  CaseListFilter,
  CaseStore,
  CaseSummary,
  CaseThreadPointer,
  CitizenMessageResult,
  ClaimResult,
  ClosedCaseList,
  NewCaseNote,
  RateResult,
} from "./case-store.js";
// SLA timers, the working clock and case events (issue 6).
export {
  type CaseJob,
  type CaseTimersDeps,
  type CaseTimersHandle,
  caseJobSchema,
  createCaseTimers,
} from "./case-timers.js";
// The case service: the engine's CaseDesk and the staff side (issue 6).
export {
  type CaseServiceDeps,
  createCaseService,
  ratingQuestion,
  staffReplyText,
} from "./create-case-service.js";
// Eligibility screening (Luật Trợ giúp pháp lý 2017, Art. 7).
export {
  ALWAYS_ELIGIBLE_GROUPS,
  ELIGIBILITY_QUESTIONS,
  type EligibilityScreening,
  FINANCIAL_DIFFICULTY_GROUPS,
  screenEligibility,
} from "./eligibility.js";
// The case store.
export {
  type CaseActionDenial,
  CaseActionDeniedError,
  CaseNotFoundError,
  CaseStateError,
  StaffAccountExistsError,
} from "./errors.js";
// Staff accounts and sessions.
export { DEFAULT_SCRYPT_COST, hashPassword, type ScryptCost, verifyPassword } from "./password-hash.js";
export { redisCaseEvents } from "./redis-case-events.js";
export { caseLiveEventSchema, redisCaseLive } from "./redis-case-live.js";
export { type RedisCaseStoreConfig, redisCaseStore } from "./redis-case-store.js";
export {
  RETENTION_ACTOR,
  type RetentionDeps,
  type RetentionJob,
  type RetentionJobDeps,
  runRetentionOnce,
  startRetentionJob,
} from "./retention-job.js";
export {
  type LoginResult,
  type NewStaffAccount,
  newStaffAccountSchema,
  type StaffAccount,
  StaffAccounts,
  type StaffAccountsConfig,
  type StaffRole,
  type StaffSession,
  staffPasswordSchema,
  staffRoleSchema,
  staffSessionSchema,
  staffUsernameSchema,
} from "./staff-accounts.js";
export { addWorkingTime, type WorkingHours, workingMsBetween } from "./working-hours.js";
