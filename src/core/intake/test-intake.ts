import { createEngine, type EngineDeps } from "../engine.js";
import { memorySessionStore } from "../memory-session-store.js";
import type {
  CaseDesk,
  CaseStatusView,
  FaqHit,
  FaqRecord,
  FaqSearch,
  IntakeCase,
  SessionStore,
  UsageEvent,
} from "../ports.js";
import { normalize } from "../text/normalize.js";
import { ART7_SCREENING_QUESTIONS, FINANCIAL_DIFFICULTY_QUESTION } from "./intake-screening.js";

export const ORG = {
  name: "Sở Tư pháp (ví dụ)",
  legalAidCenterName: "Trung tâm TGPL (ví dụ)",
  legalAidAddress: "địa chỉ (ví dụ)",
  legalAidPhone: "SĐT-TRUNG-TÂM-VÍ-DỤ",
  openingHours: "GIỜ-LÀM-VIỆC-VÍ-DỤ",
};
export const TOPICS = [
  { id: "hon-nhan-gia-dinh", label: "Hôn nhân, ly hôn, nuôi con" },
  { id: "dat-dai", label: "Đất đai, sổ đỏ" },
];
export const DESCRIPTION = "Chồng tôi không chịu ly hôn và giữ con, tôi muốn được nuôi con";

const faq = (id: string, topic: string): FaqRecord => ({
  id,
  question: `Câu hỏi ${id}?`,
  answer: `Trả lời ${id}.`,
  topic,
  legalBasis: [{ document: "Luật Hôn nhân và gia đình 2014", number: "52/2014/QH13" }],
  related: [],
});

function fakeSearch(): FaqSearch & { calls: string[] } {
  const all: Record<string, FaqRecord> = { a: faq("a", "hon-nhan-gia-dinh"), d: faq("d", "dat-dai") };
  const script: Record<string, [string, number][]> = {
    "ly hôn đơn phương": [["a", 0.6]],
    "tranh chấp ranh giới đất với nhà bên cạnh đã lâu": [["d", 0.15]],
    [normalize(DESCRIPTION)]: [["a", 0.15]],
  };
  const calls: string[] = [];
  return {
    calls,
    async search(query) {
      calls.push(query);
      return (script[query] ?? []).map(([id, score]): FaqHit => ({ faq: all[id] as FaqRecord, score }));
    },
    async get(id) {
      return all[id];
    },
  };
}

/** A case desk that records every call; `failOpen` makes the next opens throw. */
function fakeDesk() {
  const opened: IntakeCase[] = [];
  const calls: string[] = [];
  const state = {
    failOpen: 0,
    hold: undefined as Promise<void> | undefined,
    cases: [] as CaseStatusView[],
    rated: [] as [string, number, string, string][],
  };
  const desk: CaseDesk = {
    async open(input) {
      calls.push("open");
      await state.hold;
      if (state.failOpen > 0) {
        state.failOpen -= 1;
        throw new Error("redis down");
      }
      opened.push(input);
      return { id: "TGPL-2026-000123", firstResponseDueAt: "2026-11-27T03:30:00.000Z" };
    },
    async statusFor(channel, sessionId) {
      calls.push(`status ${channel} ${sessionId}`);
      return state.cases;
    },
    async forget(channel, sessionId) {
      calls.push(`forget ${channel} ${sessionId}`);
      return 2;
    },
    async rate(caseId, rating, channel, sessionId) {
      state.rated.push([caseId, rating, channel, sessionId]);
      return caseId === "TGPL-2026-000123";
    },
  };
  return { desk, opened, calls, state };
}

/** The engine with a fake case desk, search and screening; `say` types one message. */
export function setupIntake(options: { desk?: boolean; sessions?: SessionStore } = {}) {
  const events: UsageEvent[] = [];
  const screened: Record<string, boolean>[] = [];
  const search = fakeSearch();
  const fake = fakeDesk();
  const sessions = options.sessions ?? memorySessionStore();
  let tick = Date.parse("2026-11-26T08:00:00Z");
  const deps: EngineDeps = {
    search,
    sessions,
    usage: { record: async (e) => void events.push(e) },
    clock: {
      now: () => {
        tick += 1000;
        return new Date(tick);
      },
    },
    org: ORG,
    thresholds: { answerMinScore: 0.2, answerMinGap: 0.05, choicesMinScore: 0.1, answerMinCoverage: 0 },
    topicLabels: TOPICS.map((t) => t.label),
    sessionTtlSeconds: 1800,
    hashId: (id) => `h(${id})`,
    ...(options.desk === false
      ? {}
      : {
          desk: fake.desk,
          topics: TOPICS,
          screening: {
            questions: ART7_SCREENING_QUESTIONS,
            financialQuestion: FINANCIAL_DIFFICULTY_QUESTION,
            screen(answers) {
              screened.push({ ...answers });
              return Object.values(answers).some(Boolean)
                ? { result: "likely-eligible" as const, text: "Dạ, bạn có thể thuộc diện được trợ giúp." }
                : { result: "unclear" as const, text: "Dạ, hiện chưa rõ." };
            },
          },
        }),
  };
  const engine = createEngine(deps);
  const say = (text: string, sessionId = "s1") => engine.handle({ channel: "web", sessionId, text });
  return { engine, say, sessions, events, screened, search, ...fake };
}

/** The answers of a full intake, in order (phone contact). */
export const PATH = [
  "tôi muốn gặp cán bộ",
  "có",
  DESCRIPTION,
  "đúng",
  "2",
  "0387.654.321",
  "xã Ví Dụ",
  "2 12",
];

export async function walk(say: (t: string) => Promise<unknown>, answers: readonly string[]) {
  for (const answer of answers) await say(answer);
}

export const flush = () => new Promise((r) => setTimeout(r, 0));
