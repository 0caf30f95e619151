import type { Faq } from "../content/index.js";
import { type FaqSearch, fold, normalize } from "../core/index.js";
import type { Curation } from "./create-curation.js";
import { lowSatisfaction, type Satisfaction } from "./faq-satisfaction.js";
import { localDate } from "./local-date.js";

/** What the FAQ list is narrowed to (each absent field lets everything through). */
export interface FaqCatalogFilter {
  readonly text?: string;
  readonly topic?: string;
  readonly status?: Faq["status"];
  readonly audience?: string;
  /** Only FAQs whose reviewDue is today or earlier. */
  readonly due?: boolean;
  /** Only FAQs with low satisfaction (see lowSatisfaction). */
  readonly low?: boolean;
}

/** One line of the console's FAQ list: the text being worked on (pending revision, else the live file). */
export interface FaqRow {
  readonly faq: Faq;
  /** draft or review for work in progress, else the live status. */
  readonly state: Faq["status"];
  /** The live file's status when a revision is pending (the published text keeps answering). */
  readonly liveStatus?: Faq["status"];
  readonly due: boolean;
  readonly satisfaction?: Satisfaction;
  readonly low: boolean;
}

/** The list and the counts over the whole corpus (before filters). */
export interface FaqCatalog {
  readonly rows: readonly FaqRow[];
  readonly counts: {
    readonly total: number;
    readonly byState: Readonly<Record<Faq["status"], number>>;
    readonly due: number;
    readonly low: number;
  };
}

/** How many of the chat's hits for a search text the list ranks (and shows even without every word). */
const RANKED = 10;

/**
 * Every FAQ with its state, review date and 👍/👎, filtered by the list's query. A search text is
 * ranked as the chat ranks it (`search`: folded, abbreviations expanded, variants counted): the
 * chat's top hits come first, in its order, then the other FAQs that contain every word.
 */
export async function faqCatalog(
  deps: {
    readonly curation: Pick<Curation, "live" | "revisions" | "satisfaction">;
    readonly search?: FaqSearch;
    readonly now?: Date;
  },
  query: FaqCatalogFilter,
): Promise<FaqCatalog> {
  const now = deps.now ?? new Date();
  const today = localDate(now);
  const text = query.text?.trim() ?? "";
  const [live, revisions, satisfaction, hits] = await Promise.all([
    deps.curation.live.list(),
    deps.curation.revisions.list(),
    deps.curation.satisfaction.read({ now }),
    text && deps.search ? deps.search.search(normalize(text), { limit: RANKED }).catch(() => []) : [],
  ]);
  const rank = new Map(hits.map((hit, i) => [hit.faq.id, i]));
  const pending = new Map(revisions.map((r) => [r.faq.id, r]));
  const all: FaqRow[] = live.map((record) => {
    const revision = pending.get(record.faq.id);
    const faq = revision?.faq ?? record.faq;
    const s = satisfaction.get(faq.id);
    return {
      faq,
      state: faq.status,
      liveStatus: revision ? record.faq.status : undefined,
      due: record.faq.status !== "retired" && record.faq.reviewDue <= today,
      satisfaction: s,
      low: lowSatisfaction(s),
    };
  });
  const byState = { draft: 0, review: 0, published: 0, retired: 0 };
  for (const row of all) byState[row.state]++;
  const words = fold(query.text ?? "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const rows = all.filter(({ faq, state, due, low }) => {
    if (query.topic && faq.topic !== query.topic) return false;
    if (query.status && state !== query.status) return false;
    if (query.audience && !(faq.audiences as readonly string[]).includes(query.audience)) return false;
    if (query.due && !due) return false;
    if (query.low && !low) return false;
    if (!words.length || rank.has(faq.id)) return true;
    const hay = fold([faq.id, faq.question, ...faq.variants, ...faq.tags, faq.answer].join(" "));
    return words.every((w) => hay.includes(w));
  });
  if (rank.size) {
    const at = (row: FaqRow) => rank.get(row.faq.id) ?? RANKED;
    rows.sort((a, b) => at(a) - at(b));
  }
  return {
    rows,
    counts: {
      total: all.length,
      byState,
      due: all.filter((r) => r.due).length,
      low: all.filter((r) => r.low).length,
    },
  };
}
