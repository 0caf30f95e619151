import { createEngine, type EngineDeps } from "./engine.js";
import { memorySessionStore } from "./memory-session-store.js";
import type { FaqHit, FaqRecord, FaqSearch, UsageEvent } from "./ports.js";

/** A FAQ for engine tests: `Câu hỏi <id>?` unless given, with one legal basis. */
export function testFaq(id: string, extra: Partial<FaqRecord> = {}): FaqRecord {
  return {
    id,
    question: `Câu hỏi ${id}?`,
    answer: `Trả lời cho ${id}.`,
    topic: "giao-thong",
    legalBasis: [{ document: "Nghị định 168/2024/NĐ-CP", article: "Điều 7" }],
    related: [],
    ...extra,
  };
}

/**
 * A search fake for engine tests: the scripted hits (`[id, score, coverage?]`) for an exact query,
 * none for any other; FAQs come from `faqs` or are made by {@link testFaq}. Counts its calls.
 */
export function scriptedSearch(
  script: Record<string, readonly (readonly [string, number, number?])[]>,
  faqs: readonly FaqRecord[] = [],
): FaqSearch & { readonly queries: string[] } {
  const byId = new Map(faqs.map((f) => [f.id, f]));
  for (const hits of Object.values(script))
    for (const [id] of hits) if (!byId.has(id)) byId.set(id, testFaq(id));
  const queries: string[] = [];
  return {
    queries,
    async search(query) {
      queries.push(query);
      return (script[query] ?? []).map(
        ([id, score, coverage]): FaqHit => ({ faq: byId.get(id) as FaqRecord, score, coverage }),
      );
    },
    async get(id) {
      return byId.get(id);
    },
    async byTopic(topic, limit) {
      return [...byId.values()].filter((f) => f.topic === topic).slice(0, limit);
    },
  };
}

/** An engine over `search` with in-memory sessions, test org details and the given thresholds. */
export function testEngine(search: FaqSearch, thresholds: Partial<EngineDeps["thresholds"]> = {}) {
  const events: UsageEvent[] = [];
  const engine = createEngine({
    search,
    sessions: memorySessionStore(),
    usage: { record: async (e) => void events.push(e) },
    clock: { now: () => new Date("2026-12-07T08:00:00Z") },
    org: {
      name: "Sở Tư pháp (ví dụ)",
      legalAidCenterName: "Trung tâm TGPL (ví dụ)",
      legalAidAddress: "địa chỉ (ví dụ)",
      legalAidPhone: "SĐT-VÍ-DỤ",
      openingHours: "giờ (ví dụ)",
    },
    thresholds: {
      answerMinScore: 0.2,
      answerMinGap: 0.15,
      choicesMinScore: 0.1,
      answerMinCoverage: 0.3,
      alternativesMaxRatio: 0.85,
      ...thresholds,
    },
    topicLabels: ["Hôn nhân", "Giao thông"],
    topics: [
      { id: "hon-nhan-gia-dinh", label: "Hôn nhân" },
      { id: "giao-thong", label: "Giao thông" },
    ],
    sessionTtlSeconds: 1800,
    hashId: (id) => `h(${id})`,
  });
  const say = (text: string, sessionId = "s1") => engine.handle({ channel: "web", sessionId, text });
  return { engine, events, say };
}
