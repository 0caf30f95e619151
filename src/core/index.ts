export { fillPlaceholders, type OrgInfo } from "./compose/org-info.js";
export {
  BUTTON_LABELS,
  basisLine,
  DISCLAIMER,
  formatLegalRef,
  NATIONAL_HOTLINE,
  plainAnswer,
} from "./compose/texts.js";
export { type Decision, decideHits, MAX_CHOICES, type Thresholds } from "./decide/answer-rule.js";
export { createEngine, type Engine, type EngineDeps } from "./engine.js";
export { formatVietnamDate, formatVietnamTime } from "./intake/format-vietnam-time.js";
export { type IntakeTopic, OTHER_TOPIC } from "./intake/intake-flow.js";
export {
  ART7_SCREENING_QUESTIONS,
  FINANCIAL_DIFFICULTY_QUESTION,
  type IntakeScreening,
  type ScreeningQuestion,
  type ScreeningResult,
} from "./intake/intake-screening.js";
export { parsePhone } from "./intake/parse-answers.js";
export { detectIntent, type Intent } from "./intents/detect-intent.js";
export { memorySessionStore } from "./memory-session-store.js";
export type {
  Cache,
  CaseDesk,
  CaseStatusView,
  CaseThreadState,
  CaseThreads,
  Clock,
  FaqHit,
  FaqRecord,
  FaqSearch,
  IntakeCase,
  IntakeState,
  LanguageDetector,
  LegalRef,
  SessionState,
  SessionStore,
  Translator,
  UsageEvent,
  UsageSink,
} from "./ports.js";
export type {
  Action,
  Button,
  Clarification,
  Message,
  MessageChannel,
  Reply,
  ReplyKind,
  Suggestion,
} from "./reply.js";
export { TOOL_SOURCES } from "./reply.js";
export { detectEmergency } from "./safety/detect-emergency.js";
export { EMERGENCY_NUMBERS, type EmergencyCategory } from "./safety/emergency-patterns.js";
export { fold, foldWords } from "./text/fold.js";
export { clean, expandAbbreviations, MAX_TEXT_LENGTH, normalize, stripControl } from "./text/normalize.js";
export { scrub } from "./text/scrub.js";
export {
  type CaseThreadRouterDeps,
  createCaseThreadRouter,
  isLeaveThread,
} from "./thread/case-thread-router.js";
export { THREAD_BUTTONS, threadTexts } from "./thread/thread-texts.js";
export { CircuitBreaker } from "./translation/circuit-breaker.js";
export { createTranslationService, type TranslationService } from "./translation/translation-service.js";
