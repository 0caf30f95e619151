import type { Redis } from "ioredis";
import { scrub } from "../core/index.js";
import type { CurationWorkflow } from "./curation-workflow.js";
import { type FaqPrefill, prefillFaq } from "./faq-prefill.js";
import type { FaqRecord } from "./faq-repository.js";
import { groupQuestions, type QuestionGroup, type QuestionSample, sampleHash } from "./group-questions.js";
import { InboxGroupNotFoundError } from "./inbox-group-not-found-error.js";
import { localDate } from "./local-date.js";

/** An answer citizens marked 👎, with the reasons they gave (Telegram asks for one). */
export interface DownvotedFaq {
  readonly faqId: string;
  readonly count: number;
  readonly firstAt: string;
  readonly lastAt: string;
  /** Latest reasons first, scrubbed, at most 5. */
  readonly reasons: readonly string[];
}

/** What the inbox shows: open groups of unanswered questions and 👎 answers. */
export interface InboxView {
  readonly groups: readonly QuestionGroup[];
  readonly downvoted: readonly DownvotedFaq[];
}

/** Dependencies: Redis with the usage stream `${prefix}:usage` and feedback stream `${prefix}:feedback`. */
export interface UnansweredInboxDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly workflow: CurationWorkflow;
  /** Jaccard similarity at which two questions are grouped. */
  readonly threshold?: number;
  /** How far back to read the streams. */
  readonly days?: number;
  readonly now?: () => Date;
}

interface StreamEvent {
  readonly at?: string;
  readonly kind?: string;
  readonly intent?: string;
  readonly faqId?: string;
  readonly topic?: string;
  readonly sample?: string;
  readonly reason?: string;
}

const PAGE = 1000;

/**
 * Questions that ended in `choices` or `fallback`, grouped by similarity, and 👎 answers. A handled group
 * (added as a variant, turned into a draft, or dismissed) stores its phrasings' hashes in
 * `${prefix}:curation:inbox:handled` and does not come back; actions are logged in `${prefix}:curation:inbox:log`.
 */
export class UnansweredInbox {
  readonly #deps: UnansweredInboxDeps;
  readonly #now: () => Date;

  constructor(deps: UnansweredInboxDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  /** Open groups, largest first, and 👎 answers, most first. */
  async list(): Promise<InboxView> {
    const [usage, feedback, handled] = await Promise.all([
      this.#read(`${this.#deps.prefix}:usage`),
      this.#read(`${this.#deps.prefix}:feedback`),
      this.#deps.redis.smembers(this.#handledKey()),
    ]);
    const done = new Set(handled);
    const samples: QuestionSample[] = usage.flatMap((e) => {
      if (!e.sample || !e.at || (e.kind !== "choices" && e.kind !== "fallback")) return [];
      const text = scrub(e.sample);
      return done.has(sampleHash(text)) ? [] : [{ at: e.at, text, kind: e.kind, topic: e.topic }];
    });
    return {
      groups: groupQuestions(samples, this.#deps.threshold ?? 0.5),
      downvoted: downvotes(usage, feedback),
    };
  }

  /** Adds the group's question as a variant of a FAQ (a revision in review) and closes the group. */
  async addAsVariant(groupId: string, faqId: string, by: string): Promise<FaqRecord> {
    const group = await this.#group(groupId);
    const record = await this.#deps.workflow.addVariant(
      faqId,
      group.question,
      by,
      `from inbox group ${group.id} (${group.count} questions)`,
    );
    await this.#close(group, by, "add-variant", faqId);
    return record;
  }

  /** A new FAQ prefilled with the group's question and phrasings, for the editor; closes the group. */
  async startDraft(groupId: string, by: string): Promise<FaqPrefill> {
    const group = await this.#group(groupId);
    const due = new Date(this.#now());
    due.setUTCFullYear(due.getUTCFullYear() + 1);
    const prefill = prefillFaq({
      question: group.question,
      variants: group.samples,
      topic: group.topic as FaqPrefill["topic"],
      reviewDue: localDate(due),
    });
    await this.#close(group, by, "start-draft");
    return prefill;
  }

  /** Closes the group without action (off-topic, spam, already answered). */
  async dismiss(groupId: string, by: string): Promise<void> {
    await this.#close(await this.#group(groupId), by, "dismiss");
  }

  async #group(groupId: string): Promise<QuestionGroup> {
    const group = (await this.list()).groups.find((g) => g.id === groupId);
    if (!group) throw new InboxGroupNotFoundError(groupId);
    return group;
  }

  async #close(group: QuestionGroup, by: string, action: string, faqId?: string): Promise<void> {
    const entry = { at: this.#now().toISOString(), by, action, groupId: group.id, count: group.count, faqId };
    await this.#deps.redis
      .multi()
      .sadd(this.#handledKey(), ...group.sampleHashes)
      .rpush(`${this.#deps.prefix}:curation:inbox:log`, JSON.stringify(entry))
      .exec();
  }

  #handledKey(): string {
    return `${this.#deps.prefix}:curation:inbox:handled`;
  }

  /** Every event of a stream within the look-back window, oldest first. */
  async #read(key: string): Promise<StreamEvent[]> {
    const since = this.#now().getTime() - (this.#deps.days ?? 90) * 86_400_000;
    const events: StreamEvent[] = [];
    let start = `${Math.max(0, since)}-0`;
    for (;;) {
      const page = await this.#deps.redis.xrange(key, start, "+", "COUNT", PAGE);
      for (const [, fields] of page) {
        const json = fields[fields.indexOf("e") + 1];
        if (fields.indexOf("e") === -1 || json === undefined) continue;
        try {
          events.push(JSON.parse(json) as StreamEvent);
        } catch {
          // A malformed entry is skipped; the stream is written only by the app.
        }
      }
      const last = page.at(-1)?.[0];
      if (page.length < PAGE || !last) return events;
      start = `(${last}`;
    }
  }
}

function downvotes(usage: readonly StreamEvent[], feedback: readonly StreamEvent[]): DownvotedFaq[] {
  const byFaq = new Map<string, { count: number; firstAt: string; lastAt: string; reasons: string[] }>();
  for (const e of usage) {
    if (e.intent !== "feedback-down" || !e.faqId || !e.at) continue;
    const entry = byFaq.get(e.faqId) ?? { count: 0, firstAt: e.at, lastAt: e.at, reasons: [] };
    entry.count++;
    if (e.at < entry.firstAt) entry.firstAt = e.at;
    if (e.at > entry.lastAt) entry.lastAt = e.at;
    byFaq.set(e.faqId, entry);
  }
  for (const e of [...feedback].reverse()) {
    const entry = e.faqId ? byFaq.get(e.faqId) : undefined;
    if (entry && e.reason && entry.reasons.length < 5) entry.reasons.push(scrub(e.reason));
  }
  return [...byFaq.entries()]
    .map(([faqId, e]) => ({ faqId, ...e }))
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}
