import { type Faq, parseFaqFile } from "../content/index.js";
import { foldWords } from "../core/index.js";
import {
  AUTHORING_ACTIONS,
  type CurationHistory,
  type HistoryAction,
  type HistoryEntry,
} from "./curation-history.js";
import {
  CurationStateError,
  FaqExistsError,
  FaqNotFoundError,
  FaqValidationError,
  FourEyesError,
  VersionConflictError,
} from "./errors.js";
import type { FaqRecord, FaqRepository } from "./faq-repository.js";
import { localDate } from "./local-date.js";

/** What the workflow needs: the live content, the folder of pending revisions, the history and the indexer. */
export interface CurationWorkflowDeps {
  /** content/ (files under content/faq are what content:check validates and the indexer publishes). */
  readonly live: FaqRepository;
  /** Pending revisions of published or retired FAQs, kept aside (same layout) until approved. */
  readonly revisions: FaqRepository;
  readonly history: CurationHistory;
  /** Builds a new search index from content/ and swaps it in (the integrator passes build + swap). */
  readonly reindex: () => Promise<unknown>;
  readonly now?: () => Date;
}

/** A FAQ as the console shows it: the live file, the pending revision if any, and where it stands. */
export interface FaqView {
  readonly id: string;
  readonly live?: FaqRecord;
  readonly revision?: FaqRecord;
  /** The record an editor edits (the revision when there is one); its version is the etag to send back. */
  readonly current: FaqRecord;
  /** draft or review for work in progress, else the live status. */
  readonly state: Faq["status"];
  readonly lastEditor?: string;
  /** Who authored the work in progress since the last approval; none of them may approve it. */
  readonly authors: readonly string[];
  /** Set when a cited document was marked amended after the last approval. */
  readonly amended?: { readonly at: string; readonly by: string; readonly note?: string };
}

/** The outcome of an action that changed what is published, with the reindex time. */
export interface Published {
  readonly record: FaqRecord;
  readonly reindexMs: number;
}

const inWork = (status: Faq["status"]) => status === "draft" || status === "review";

/** Draft → review → published → retired, with pending revisions for live FAQs, four eyes and history. */
export class CurationWorkflow {
  readonly #deps: CurationWorkflowDeps;
  readonly #now: () => Date;

  constructor(deps: CurationWorkflowDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  /** The FAQ with its pending revision and state; undefined when no such id. */
  async view(id: string): Promise<FaqView | undefined> {
    const [live, revision, history] = await Promise.all([
      this.#deps.live.get(id),
      this.#deps.revisions.get(id),
      this.#deps.history.list(id),
    ]);
    const current = revision ?? live;
    if (!current) return undefined;
    const lastApproval = history.findLastIndex((e) => e.action === "approve" || e.action === "discard");
    const since = history.slice(lastApproval + 1);
    const authors = since.filter((e) => AUTHORING_ACTIONS.has(e.action)).map((e) => e.by);
    const lastEditor = history.findLast((e) => AUTHORING_ACTIONS.has(e.action))?.by;
    const flag = since.findLast((e) => e.action === "flag-amended");
    return {
      id,
      live,
      revision,
      current,
      state: current.faq.status,
      lastEditor,
      authors: [...new Set(authors)],
      amended: flag ? { at: flag.at, by: flag.by, note: flag.note } : undefined,
    };
  }

  /** Creates a new FAQ as a draft in content/faq (ids are unique across live files and revisions). */
  async create(input: unknown, by: string): Promise<FaqRecord> {
    const faq = asObject(input);
    const id = String(faq.id ?? "");
    if ((await this.#deps.live.get(id)) || (await this.#deps.revisions.get(id))) throw new FaqExistsError(id);
    const { record } = await this.#deps.live.save({ ...faq, status: "draft" }, null);
    await this.#record(id, by, "create", "live", undefined, record);
    return record;
  }

  /**
   * Saves an edit made on `expectedVersion` (the version of `view().current`). A published or retired FAQ
   * stays live and the edit becomes its pending revision; otherwise the file in content/faq is edited.
   */
  async edit(input: unknown, expectedVersion: string, by: string): Promise<FaqRecord> {
    return this.#write(asObject(input), expectedVersion, by, "edit", "draft");
  }

  /** Sends the draft to review. */
  async submit(id: string, by: string): Promise<FaqRecord> {
    return this.#move(id, by, "submit", "draft", "review");
  }

  /** Sends a FAQ in review back to draft, with the reviewer's note. */
  async reject(id: string, by: string, note?: string): Promise<FaqRecord> {
    return this.#move(id, by, "reject", "review", "draft", note);
  }

  /** Publishes the FAQ in review (four eyes: not by anyone who edited it since the last approval), then reindexes. */
  async approve(id: string, reviewer: string): Promise<Published> {
    const view = await this.#view(id);
    if (view.state !== "review") throw new CurationStateError(id, "approve", view.state);
    if (view.authors.includes(reviewer)) throw new FourEyesError(id, reviewer);
    const faq = { ...view.current.faq, status: "published" as const, reviewedAt: localDate(this.#now()) };
    const { record } = await this.#deps.live.save(faq, view.live?.version ?? null);
    if (view.revision) await this.#deps.revisions.remove(id, view.revision.version);
    await this.#record(id, reviewer, "approve", "live", view.live, record);
    return { record, reindexMs: await this.#reindex() };
  }

  /** Takes a published FAQ out of the index (its file stays, status retired). */
  async retire(id: string, by: string, note?: string): Promise<Published> {
    const view = await this.#view(id);
    if (view.live?.faq.status !== "published")
      throw new CurationStateError(id, "retire", view.live?.faq.status ?? view.state);
    const { record } = await this.#deps.live.save({ ...view.live.faq, status: "retired" }, view.live.version);
    await this.#record(id, by, "retire", "live", view.live, record, note);
    return { record, reindexMs: await this.#reindex() };
  }

  /** Drops the pending revision of a live FAQ. */
  async discard(id: string, by: string): Promise<void> {
    const view = await this.#view(id);
    if (!view.revision) throw new CurationStateError(id, "discard", "without a pending revision");
    await this.#deps.revisions.remove(id, view.revision.version);
    await this.#record(id, by, "discard", "revision", view.revision, undefined);
  }

  /** Every recorded change of the FAQ, oldest first, each with a unified diff. */
  history(id: string): Promise<HistoryEntry[]> {
    return this.#deps.history.list(id);
  }

  /** Brings back the text of history entry `seq` as a new revision in review (someone else approves it). */
  async restore(id: string, seq: number, by: string): Promise<FaqRecord> {
    const entry = await this.#deps.history.get(id, seq);
    const faq = entry?.text ? parseFaqFile(`${id}.md`, entry.text).faq : undefined;
    if (!faq) throw new FaqNotFoundError(`${id}@${seq}`);
    const view = await this.#view(id);
    return this.#write(faq, view.current.version, by, "restore", "review", `restored from #${seq}`);
  }

  /** Adds a citizen's phrasing as a variant; the FAQ (or its revision) goes to review. */
  async addVariant(id: string, variant: string, by: string, note?: string): Promise<FaqRecord> {
    const view = await this.#view(id);
    const { faq } = view.current;
    const known = [faq.question, ...faq.variants].some((p) => foldWords(p) === foldWords(variant));
    const variants = known ? faq.variants : [...faq.variants, variant.trim()];
    return this.#write({ ...faq, variants }, view.current.version, by, "add-variant", "review", note);
  }

  async #write(
    input: Record<string, unknown>,
    expectedVersion: string,
    by: string,
    action: HistoryAction,
    status: "draft" | "review",
    note?: string,
  ): Promise<FaqRecord> {
    const id = String(input.id ?? "");
    const view = await this.view(id);
    if (!view) throw new FaqNotFoundError(id);
    const next = { ...input, status };
    if (view.revision || !view.live || !inWork(view.live.faq.status)) {
      // A published or retired FAQ stays live: the edit goes to (or starts) its pending revision.
      if (!view.revision && view.live?.version !== expectedVersion)
        throw new VersionConflictError(id, expectedVersion, view.current.version);
      const { record } = await this.#deps.revisions.save(next, view.revision ? expectedVersion : null);
      await this.#record(id, by, action, "revision", view.revision ?? view.live, record, note);
      return record;
    }
    const { record, previous } = await this.#deps.live.save(next, expectedVersion);
    await this.#record(id, by, action, "live", previous, record, note);
    return record;
  }

  async #move(
    id: string,
    by: string,
    action: HistoryAction,
    from: Faq["status"],
    to: "draft" | "review",
    note?: string,
  ): Promise<FaqRecord> {
    const view = await this.#view(id);
    if (view.state !== from) throw new CurationStateError(id, action, view.state);
    const area = view.revision ? "revision" : "live";
    const repo = view.revision ? this.#deps.revisions : this.#deps.live;
    const { record } = await repo.save({ ...view.current.faq, status: to }, view.current.version);
    await this.#record(id, by, action, area, view.current, record, note);
    return record;
  }

  async #view(id: string): Promise<FaqView> {
    const view = await this.view(id);
    if (!view) throw new FaqNotFoundError(id);
    return view;
  }

  async #reindex(): Promise<number> {
    const started = performance.now();
    await this.#deps.reindex();
    return Math.round(performance.now() - started);
  }

  #record(
    id: string,
    by: string,
    action: HistoryAction,
    area: "live" | "revision",
    before: FaqRecord | undefined,
    after: FaqRecord | undefined,
    note?: string,
  ): Promise<HistoryEntry> {
    return this.#deps.history.record(id, { by, action, area, before, after, note });
  }
}

function asObject(input: unknown): Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw new FaqValidationError({ faq: "expected a FAQ object" });
  return input as Record<string, unknown>;
}
