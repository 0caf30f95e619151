import type { Redis } from "ioredis";
import { scrub } from "../core/index.js";
import { eventStreamKeys } from "../redis/index.js";
import { curationKeys } from "./curation-keys.js";
import type { CurationWorkflow } from "./curation-workflow.js";
import { InboxGroupNotFoundError } from "./errors.js";
import { type FaqPrefill, prefillFaq } from "./faq-prefill.js";
import type { FaqRecord } from "./faq-repository.js";
import type { QuestionGroup } from "./group-questions.js";
import { InboxIndex, type InboxLimits } from "./inbox-index.js";
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
  /** Still reading older events (the first view after a start, or a burst): shown is what was read so far. */
  readonly catchingUp?: boolean;
  /** Distinct questions asked once that were let go to keep the inbox bounded. */
  readonly dropped?: number;
}

/** Dependencies: Redis with the usage and feedback streams (`eventStreamKeys`). */
export interface UnansweredInboxDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly workflow: CurationWorkflow;
  /** Jaccard similarity at which two questions are grouped. */
  readonly threshold?: number;
  /** How far back to read the streams. */
  readonly days?: number;
  readonly now?: () => Date;
  readonly limits?: Partial<InboxLimits>;
  /** How long a view waits for the reading to catch up before showing what it has. */
  readonly waitMs?: number;
}

interface StreamEvent {
  readonly at?: string;
  readonly kind?: string;
  readonly intent?: string;
  readonly faqId?: string;
  readonly topic?: string;
  readonly sample?: string;
  readonly normalized?: string;
  readonly reason?: string;
}

const PAGE = 500;
/** CPU time one slice of reading may take before it yields to requests. */
const SLICE_MS = 8;
const MAX_DOWNVOTED = 2000;
const MAX_REASONS = 5;

/**
 * Questions that ended in `choices` or `fallback`, grouped by similarity as they are read, and 👎
 * answers. The streams are read incrementally from a cursor, in slices of a few milliseconds, so a
 * view costs the events since the last one (never the 90 days again) and no slice holds up a
 * citizen's request; memory is bounded by {@link InboxLimits}. A handled group (added as a variant,
 * turned into a draft, or dismissed) stores its phrasings' hashes in `curationKeys(prefix).inboxHandled`
 * and does not come back; actions are logged in `curationKeys(prefix).inboxLog`.
 */
export class UnansweredInbox {
  readonly #deps: UnansweredInboxDeps;
  readonly #now: () => Date;
  readonly #index: InboxIndex;
  readonly #downvoted = new Map<
    string,
    { count: number; firstAt: string; lastAt: string; reasons: string[] }
  >();
  readonly #cursors: Record<"usage" | "feedback", string | undefined> = {
    usage: undefined,
    feedback: undefined,
  };
  #reading: Promise<void> | undefined;

  constructor(deps: UnansweredInboxDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
    this.#index = new InboxIndex(deps.threshold ?? 0.5, deps.limits);
  }

  /** Open groups, largest first, and 👎 answers, most first. */
  async list(): Promise<InboxView> {
    const caughtUp = await this.#catchUp();
    return {
      groups: this.#index.groups(),
      downvoted: [...this.#downvoted.entries()]
        .map(([faqId, e]) => ({ faqId, ...e, reasons: [...e.reasons].reverse() }))
        .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt)),
      ...(caughtUp ? {} : { catchingUp: true }),
      ...(this.#index.dropped ? { dropped: this.#index.dropped } : {}),
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

  /** A group as the curator saw it: from the state read so far, never recomputed from the streams. */
  async #group(groupId: string): Promise<QuestionGroup> {
    await this.#catchUp();
    const group = this.#index.groups().find((g) => g.id === groupId);
    if (!group) throw new InboxGroupNotFoundError(groupId);
    return group;
  }

  async #close(group: QuestionGroup, by: string, action: string, faqId?: string): Promise<void> {
    const entry = { at: this.#now().toISOString(), by, action, groupId: group.id, count: group.count, faqId };
    await this.#deps.redis
      .multi()
      .sadd(this.#handledKey(), ...group.sampleHashes)
      .rpush(curationKeys(this.#deps.prefix).inboxLog, JSON.stringify(entry))
      .exec();
    this.#index.handle(group.sampleHashes);
  }

  #handledKey(): string {
    return curationKeys(this.#deps.prefix).inboxHandled;
  }

  /**
   * Reads what was added to the streams since the last view; resolves true once caught up, or false
   * when `waitMs` passed first (the reading goes on in the background, one reader at a time).
   */
  async #catchUp(): Promise<boolean> {
    const handled = this.#deps.redis.smembers(this.#handledKey());
    this.#reading ??= this.#read().finally(() => {
      this.#reading = undefined;
    });
    const reading = this.#reading;
    // Groups another instance handled leave this one's inbox too.
    const done = await handled;
    if (done.length !== this.#index.handledCount) this.#index.handle(done);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.#deps.waitMs ?? 400);
    });
    try {
      return await Promise.race([reading.then(() => true as const), waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #read(): Promise<void> {
    const since = `${Math.max(0, this.#now().getTime() - (this.#deps.days ?? 90) * 86_400_000)}-0`;
    for (const stream of ["usage", "feedback"] as const) {
      const key = eventStreamKeys[stream](this.#deps.prefix);
      for (;;) {
        const from = this.#cursors[stream];
        const page = await this.#deps.redis.xrange(key, from ? `(${from}` : since, "+", "COUNT", PAGE);
        let sliceStart = performance.now();
        for (const [id, fields] of page) {
          const at = fields.indexOf("e");
          const json = at === -1 ? undefined : fields[at + 1];
          if (json !== undefined) this.#take(stream, json);
          this.#cursors[stream] = id;
          if (performance.now() - sliceStart > SLICE_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            sliceStart = performance.now();
          }
        }
        if (page.length < PAGE) break;
      }
    }
  }

  #take(stream: "usage" | "feedback", json: string): void {
    let e: StreamEvent;
    try {
      e = JSON.parse(json) as StreamEvent;
    } catch {
      return; // A malformed entry is skipped; the streams are written only by the app.
    }
    if (stream === "feedback") {
      const entry = e.faqId ? this.#downvoted.get(e.faqId) : undefined;
      if (entry && e.reason) {
        entry.reasons.push(scrub(e.reason));
        if (entry.reasons.length > MAX_REASONS) entry.reasons.shift();
      }
      return;
    }
    if (e.intent === "feedback-down" && e.faqId && e.at) {
      let entry = this.#downvoted.get(e.faqId);
      if (!entry) {
        if (this.#downvoted.size >= MAX_DOWNVOTED) return;
        entry = { count: 0, firstAt: e.at, lastAt: e.at, reasons: [] };
        this.#downvoted.set(e.faqId, entry);
      }
      entry.count++;
      if (e.at < entry.firstAt) entry.firstAt = e.at;
      if (e.at > entry.lastAt) entry.lastAt = e.at;
      return;
    }
    if (e.sample && e.at && (e.kind === "choices" || e.kind === "fallback"))
      this.#index.add({
        at: e.at,
        text: scrub(e.sample),
        ...(e.normalized ? { normalized: scrub(e.normalized) } : {}),
        kind: e.kind,
        topic: e.topic,
      });
  }
}
