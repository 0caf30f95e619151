import { type CorpusFile, type Faq, type FaqFrontMatter, parseFaqFile } from "../content/index.js";
import { fold } from "../core/index.js";
import { dirFaqFiles } from "./dir-faq-files.js";
import { FaqExistsError, FaqValidationError, VersionConflictError } from "./errors.js";
import type { FaqFiles } from "./faq-files.js";
import { faqVersion } from "./faq-version.js";
import { localDate } from "./local-date.js";
import { validateFaq } from "./validate-faq.js";

/** One FAQ file as stored: the FAQ, its text and its version (the etag). */
export interface FaqRecord {
  readonly faq: Faq;
  readonly text: string;
  readonly version: string;
  /** Path relative to the working directory, as content:check prints it. */
  readonly file: string;
}

/** Filters for the console's FAQ list; all optional, combined with AND. */
export interface FaqListFilter {
  /** Words that must all appear (accents ignored) in the question, variants, tags or answer. */
  readonly text?: string;
  readonly topic?: string;
  readonly status?: FaqFrontMatter["status"];
  readonly audience?: string;
  /** Only FAQs whose reviewDue is before this date (YYYY-MM-DD). */
  readonly reviewDueBefore?: string;
}

/** Dependencies of a repository: where its files are kept, and what to cross-check against. */
export interface FaqRepositoryOptions {
  /** A folder holding `faq/<topic>/<id>.md` (used when `files` is not given). */
  readonly root?: string;
  /** Where the files are kept (Redis in the app); defaults to the folder `root`. */
  readonly files?: FaqFiles;
  /** The corpus a save is checked against (shared phrasings, related ids); defaults to this repository's files. */
  readonly corpus?: () => Promise<CorpusFile[]>;
  readonly now?: () => Date;
}

/** The result of a save: the new record and the text it replaced (undefined for a new file). */
export interface FaqSaved {
  readonly record: FaqRecord;
  readonly previous?: FaqRecord;
}

/** FAQ files: list, get with a version, save validated with optimistic concurrency (versioned writes). */
export class FaqRepository {
  readonly files: FaqFiles;
  readonly #corpus: () => Promise<CorpusFile[]>;
  readonly #now: () => Date;

  constructor(options: FaqRepositoryOptions) {
    const files = options.files ?? (options.root === undefined ? undefined : dirFaqFiles(options.root));
    if (!files) throw new Error("FaqRepository needs files or a root folder");
    this.files = files;
    this.#corpus = options.corpus ?? (() => files.list());
    this.#now = options.now ?? (() => new Date());
  }

  /** The corpus a save is checked against, read once for a batch of saves. */
  corpusFiles(): Promise<CorpusFile[]> {
    return this.#corpus();
  }

  /** The valid FAQs matching the filter, by id; files content:check rejects are left out. */
  async list(filter: FaqListFilter = {}): Promise<FaqRecord[]> {
    const words = fold(filter.text ?? "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const records = (await this.files.list()).flatMap((f) =>
      f.faq ? [{ faq: f.faq, text: f.text, version: faqVersion(f.text), file: f.file }] : [],
    );
    return records
      .filter(({ faq }) => {
        if (filter.topic && faq.topic !== filter.topic) return false;
        if (filter.status && faq.status !== filter.status) return false;
        if (filter.audience && !(faq.audiences as readonly string[]).includes(filter.audience)) return false;
        if (filter.reviewDueBefore && !(faq.reviewDue < filter.reviewDueBefore)) return false;
        if (!words.length) return true;
        const hay = fold([faq.id, faq.question, ...faq.variants, ...faq.tags, faq.answer].join(" "));
        return words.every((w) => hay.includes(w));
      })
      .sort((a, b) => a.faq.id.localeCompare(b.faq.id));
  }

  /** The FAQ with this id, or undefined (also when its file no longer passes content:check). */
  async get(id: string): Promise<FaqRecord | undefined> {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return undefined;
    const found = await this.files.get(id);
    if (!found) return undefined;
    const { faq } = parseFaqFile(found.file, found.text);
    return faq ? { faq, text: found.text, version: faqVersion(found.text), file: found.file } : undefined;
  }

  /**
   * Validates and writes a FAQ at `faq/<topic>/<id>.md`. `expectedVersion` is the version the editor
   * loaded, or null to create; a mismatch throws VersionConflictError and writes nothing. `corpus`:
   * the corpus it is checked against (ids, related links), when the caller read it for a batch.
   */
  async save(
    input: unknown,
    expectedVersion: string | null,
    corpus?: readonly CorpusFile[],
  ): Promise<FaqSaved> {
    const topic = typeof input === "object" && input && "topic" in input ? String(input.topic) : "";
    const id = typeof input === "object" && input && "id" in input ? String(input.id) : "";
    const file = this.files.fileOf(topic, id);
    const validation = validateFaq(input, file, corpus ?? (await this.#corpus()), localDate(this.#now()));
    if (!validation.ok) throw new FaqValidationError(validation.fields);
    const stored = await this.files.get(id);
    const previous = await this.get(id);
    if (expectedVersion === null && stored) throw new FaqExistsError(id);
    const text = validation.text;
    const written = await this.files.put(id, topic, text, expectedVersion);
    if (!written.ok) {
      if (expectedVersion === null) throw new FaqExistsError(id);
      throw new VersionConflictError(id, expectedVersion, written.current);
    }
    return { record: { faq: validation.faq, text, version: faqVersion(text), file }, previous };
  }

  /** Deletes the FAQ file when it is still at `expectedVersion`. */
  async remove(id: string, expectedVersion: string): Promise<void> {
    const removed = await this.files.remove(id, expectedVersion);
    if (!removed.ok) throw new VersionConflictError(id, expectedVersion, removed.current);
  }
}
