import type { Redis } from "ioredis";
import { z } from "zod";
import { curationKeys } from "./curation-keys.js";
import { unifiedDiff } from "./unified-diff.js";

export const HISTORY_ACTIONS = [
  "create",
  "edit",
  "add-variant",
  "restore",
  "submit",
  "reject",
  "approve",
  "retire",
  "discard",
  "flag-amended",
  "import",
  "propose",
] as const;

/** Who `import` and `propose` entries are by: a new release's corpus (no staff username can contain "@"). */
export const RELEASE_AUTHOR = "@release";

/** Actions that author content: their author may not approve it (four eyes). */
export const AUTHORING_ACTIONS: ReadonlySet<HistoryAction> = new Set([
  "create",
  "edit",
  "add-variant",
  "restore",
  "import",
  "propose",
]);

const historyEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  action: z.enum(HISTORY_ACTIONS),
  /** `live` is content/faq; `revision` is the pending revision kept aside while the published text stays live. */
  area: z.enum(["live", "revision"]),
  version: z.string().nullable(),
  previousVersion: z.string().nullable(),
  diff: z.string(),
  /** The whole file text after the change (null when the file was removed), so any version can be restored. */
  text: z.string().nullable(),
  note: z.string().optional(),
});
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];
/** One recorded change; `seq` is its position in the FAQ's history, oldest 0. */
export type HistoryEntry = z.infer<typeof historyEntrySchema> & { readonly seq: number };

/** What a caller records; the diff is computed from the two texts. */
export interface HistoryChange {
  readonly by: string;
  readonly action: HistoryAction;
  readonly area: HistoryEntry["area"];
  readonly before?: { readonly text: string; readonly version: string };
  readonly after?: { readonly text: string; readonly version: string };
  readonly note?: string;
}

/** Every change to a FAQ, kept in the Redis list `curationKeys(prefix).history(id)` (append-only, full text + diff). */
export class CurationHistory {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #now: () => Date;

  constructor(deps: { redis: Redis; prefix: string; now?: () => Date }) {
    this.#redis = deps.redis;
    this.#prefix = deps.prefix;
    this.#now = deps.now ?? (() => new Date());
  }

  #key(id: string): string {
    return curationKeys(this.#prefix).history(id);
  }

  /** Appends one change and returns it with its sequence number. */
  async record(id: string, change: HistoryChange): Promise<HistoryEntry> {
    const entry = {
      at: this.#now().toISOString(),
      by: change.by,
      action: change.action,
      area: change.area,
      version: change.after?.version ?? null,
      previousVersion: change.before?.version ?? null,
      diff: unifiedDiff(change.before?.text ?? "", change.after?.text ?? "", {
        from: change.before ? `${id}@${change.before.version.slice(0, 12)}` : "/dev/null",
        to: change.after ? `${id}@${change.after.version.slice(0, 12)}` : "/dev/null",
      }),
      text: change.after?.text ?? null,
      ...(change.note ? { note: change.note } : {}),
    };
    const length = await this.#redis.rpush(this.#key(id), JSON.stringify(entry));
    return { ...entry, seq: length - 1 };
  }

  /** The FAQ's changes, oldest first. */
  async list(id: string): Promise<HistoryEntry[]> {
    const raw = await this.#redis.lrange(this.#key(id), 0, -1);
    return raw.map((json, seq) => ({ ...historyEntrySchema.parse(JSON.parse(json)), seq }));
  }

  /** One change by its sequence number. */
  async get(id: string, seq: number): Promise<HistoryEntry | undefined> {
    const raw = await this.#redis.lindex(this.#key(id), seq);
    return raw === null ? undefined : { ...historyEntrySchema.parse(JSON.parse(raw)), seq };
  }
}
