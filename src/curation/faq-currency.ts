import { type EndingBasis, endingBases, type LegalBasis } from "../content/index.js";
import { foldWords } from "../core/index.js";
import type { CurationHistory } from "./curation-history.js";
import type { FaqRecord, FaqRepository } from "./faq-repository.js";
import { localDate } from "./local-date.js";

/** Dependencies: the live content, pending revisions, and the history the flags are written to. */
export interface FaqCurrencyDeps {
  readonly live: FaqRepository;
  readonly revisions: FaqRepository;
  readonly history: CurationHistory;
  readonly now?: () => Date;
}

/** A FAQ citing a document that has stopped applying or stops within ENDING_WITHIN_DAYS days. */
export interface EndingCitation extends EndingBasis {
  readonly record: FaqRecord;
}

const compactNumber = (n: string) => n.replace(/\s+/g, "").toUpperCase();

/** Whether a legal basis is the document asked for: same number (spaces and case aside), or a name containing it. */
export function cites(basis: LegalBasis, document: string): boolean {
  if (basis.number && compactNumber(basis.number) === compactNumber(document)) return true;
  const wanted = foldWords(document);
  return wanted.length > 0 && foldWords(basis.document).includes(wanted);
}

/** Keeps answers current: FAQs due for review, FAQs citing a document, and flagging them when it is amended. */
export class FaqCurrency {
  readonly #deps: FaqCurrencyDeps;
  readonly #now: () => Date;

  constructor(deps: FaqCurrencyDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  /** FAQs not retired whose reviewDue is today or earlier, oldest due first. */
  async dueForReview(today = localDate(this.#now())): Promise<FaqRecord[]> {
    const all = await this.#deps.live.list();
    return all
      .filter((r) => r.faq.status !== "retired" && r.faq.reviewDue <= today)
      .sort((a, b) => a.faq.reviewDue.localeCompare(b.faq.reviewDue) || a.faq.id.localeCompare(b.faq.id));
  }

  /** One row per cited document (of FAQs not retired) past its effectiveUntil or within 90 days of it, earliest first. */
  async ending(today = localDate(this.#now())): Promise<EndingCitation[]> {
    const rows = (await this.#deps.live.list())
      .filter((r) => r.faq.status !== "retired")
      .flatMap((record) => endingBases(record.faq, today).map((e) => ({ ...e, record })));
    return rows.sort(
      (a, b) =>
        a.basis.effectiveUntil.localeCompare(b.basis.effectiveUntil) ||
        a.record.faq.id.localeCompare(b.record.faq.id) ||
        a.index - b.index,
    );
  }

  /** FAQs (not retired) with claims that could not be checked, for the legal officer; most claims first. */
  async forLegalReview(): Promise<FaqRecord[]> {
    return (await this.#deps.live.list())
      .filter((r) => r.faq.status !== "retired" && r.faq.needsLegalReview.length > 0)
      .sort(
        (a, b) =>
          b.faq.needsLegalReview.length - a.faq.needsLegalReview.length || a.faq.id.localeCompare(b.faq.id),
      );
  }

  /** FAQs whose legal basis cites the document (its number, e.g. 52/2014/QH13, or its name). */
  async citing(document: string): Promise<FaqRecord[]> {
    return (await this.#deps.live.list()).filter((r) => r.faq.legalBasis.some((b) => cites(b, document)));
  }

  /**
   * Flags every FAQ (not retired) citing an amended document for review: reviewDue becomes today (so
   * content:check stays green and the FAQ is listed as due), a pending revision gets the same date, and a
   * `flag-amended` history entry records who and why. Returns the ids flagged.
   */
  async markAmended(document: string, by: string, note?: string): Promise<string[]> {
    const today = localDate(this.#now());
    const reason = note ? `${document} amended: ${note}` : `${document} amended`;
    const flagged: string[] = [];
    const citing = await this.citing(document);
    // Only reviewDue changes: the corpus each save is checked against is read once, not once per FAQ.
    const corpus = citing.length ? await this.#deps.live.corpusFiles() : [];
    const revisionCorpus = citing.length ? await this.#deps.revisions.corpusFiles() : [];
    for (const record of citing) {
      if (record.faq.status === "retired") continue;
      const id = record.faq.id;
      const live =
        record.faq.reviewDue > today
          ? (await this.#deps.live.save({ ...record.faq, reviewDue: today }, record.version, corpus)).record
          : record;
      await this.#deps.history.record(id, {
        by,
        action: "flag-amended",
        area: "live",
        before: record,
        after: live,
        note: reason,
      });
      const revision = await this.#deps.revisions.get(id);
      if (revision && revision.faq.reviewDue > today)
        await this.#deps.revisions.save(
          { ...revision.faq, reviewDue: today },
          revision.version,
          revisionCorpus,
        );
      flagged.push(id);
    }
    return flagged;
  }
}
