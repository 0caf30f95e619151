export { type ContentStore, openContentStore } from "./content-store.js";
export { type Curation, type CurationDeps, createCuration } from "./create-curation.js";
export {
  AUTHORING_ACTIONS,
  CurationHistory,
  HISTORY_ACTIONS,
  type HistoryAction,
  type HistoryChange,
  type HistoryEntry,
  RELEASE_AUTHOR,
} from "./curation-history.js";
export { curationKeys } from "./curation-keys.js";
export {
  CurationWorkflow,
  type CurationWorkflowDeps,
  type FaqView,
  type Published,
} from "./curation-workflow.js";
export { dirFaqFiles } from "./dir-faq-files.js";
export { type CaseDraftRefusal, draftFromCase } from "./draft-from-case.js";
export { draftFromStaffReply, type StaffReplySource } from "./draft-from-staff-reply.js";
export {
  CurationStateError,
  FaqExistsError,
  FaqNotFoundError,
  FaqValidationError,
  FourEyesError,
  InboxGroupNotFoundError,
  VersionConflictError,
} from "./errors.js";
export { type FaqCatalog, type FaqCatalogFilter, type FaqRow, faqCatalog } from "./faq-catalog.js";
export { type FaqChanges, type FieldChange, faqChanges } from "./faq-changes.js";
export { cites, type EndingCitation, FaqCurrency, type FaqCurrencyDeps } from "./faq-currency.js";
export type { FaqFiles, FaqWrite } from "./faq-files.js";
export { type FaqPrefill, prefillFaq, suggestId } from "./faq-prefill.js";
export {
  type FaqListFilter,
  type FaqRecord,
  FaqRepository,
  type FaqRepositoryOptions,
  type FaqSaved,
} from "./faq-repository.js";
export { FaqSatisfaction, lowSatisfaction, type Satisfaction } from "./faq-satisfaction.js";
export { faqVersion } from "./faq-version.js";
export {
  groupQuestions,
  jaccard,
  type QuestionGroup,
  type QuestionSample,
  sampleHash,
} from "./group-questions.js";
export { DEFAULT_INBOX_LIMITS, InboxIndex, type InboxLimits } from "./inbox-index.js";
export { localDate } from "./local-date.js";
export { redisFaqFiles } from "./redis-faq-files.js";
export { serializeFaq } from "./serialize-faq.js";
export { type ReleaseSync, type ReleaseSyncDeps, syncRelease, withStatus } from "./sync-release.js";
export {
  type DownvotedFaq,
  type InboxView,
  UnansweredInbox,
  type UnansweredInboxDeps,
} from "./unanswered-inbox.js";
export { unifiedDiff } from "./unified-diff.js";
export { type FaqValidation, validateFaq } from "./validate-faq.js";
