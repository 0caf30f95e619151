import { randomBytes } from "node:crypto";
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type CorpusFile,
  type Faq,
  type FaqFrontMatter,
  parseFaqFile,
  readCorpus,
} from "../content/index.js";
import { fold } from "../core/index.js";
import { FaqExistsError } from "./faq-exists-error.js";
import { FaqValidationError } from "./faq-validation-error.js";
import { faqVersion } from "./faq-version.js";
import { localDate } from "./local-date.js";
import { validateFaq } from "./validate-faq.js";
import { VersionConflictError } from "./version-conflict-error.js";

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

/** Dependencies of a repository: the folder holding `faq/<topic>/<id>.md`, and what to cross-check against. */
export interface FaqRepositoryOptions {
  readonly root: string;
  /** The corpus a save is checked against (shared phrasings, related ids); defaults to this root's files. */
  readonly corpus?: () => Promise<CorpusFile[]>;
  readonly now?: () => Date;
}

/** The result of a save: the new record and the text it replaced (undefined for a new file). */
export interface FaqSaved {
  readonly record: FaqRecord;
  readonly previous?: FaqRecord;
}

/** FAQ files under one folder: list, get with a version, save validated and atomic with optimistic concurrency. */
export class FaqRepository {
  readonly root: string;
  readonly #corpus: () => Promise<CorpusFile[]>;
  readonly #now: () => Date;
  /** Saves of one id run one after another in this process (the version check and rename are not atomic). */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(options: FaqRepositoryOptions) {
    this.root = options.root;
    this.#corpus = options.corpus ?? (() => readCorpus(this.root));
    this.#now = options.now ?? (() => new Date());
  }

  /** The valid FAQs matching the filter, by id; files content:check rejects are left out. */
  async list(filter: FaqListFilter = {}): Promise<FaqRecord[]> {
    const words = fold(filter.text ?? "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const records = (await readCorpus(this.root)).flatMap((f) =>
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
    const abs = await this.#find(id);
    if (!abs) return undefined;
    const file = path.relative(process.cwd(), abs);
    const text = await readFile(abs, "utf8").catch(() => undefined);
    if (text === undefined) return undefined;
    const { faq } = parseFaqFile(file, text);
    return faq ? { faq, text, version: faqVersion(text), file } : undefined;
  }

  /**
   * Validates and writes a FAQ at `faq/<topic>/<id>.md` (temp file + rename). `expectedVersion` is the
   * version the editor loaded, or null to create; a mismatch throws VersionConflictError and writes nothing.
   */
  save(input: unknown, expectedVersion: string | null): Promise<FaqSaved> {
    const id = typeof input === "object" && input && "id" in input ? String(input.id) : "";
    return this.#serial(id, () => this.#save(input, expectedVersion));
  }

  /** Deletes the FAQ file when it is still at `expectedVersion`. */
  remove(id: string, expectedVersion: string): Promise<void> {
    return this.#serial(id, async () => {
      const current = await this.get(id);
      const abs = await this.#find(id);
      if (!current || !abs || current.version !== expectedVersion)
        throw new VersionConflictError(id, expectedVersion, current?.version ?? null);
      await rm(abs);
    });
  }

  async #save(input: unknown, expectedVersion: string | null): Promise<FaqSaved> {
    const topic = typeof input === "object" && input && "topic" in input ? String(input.topic) : "";
    const id = typeof input === "object" && input && "id" in input ? String(input.id) : "";
    const abs = path.join(this.root, "faq", topic, `${id}.md`);
    const file = path.relative(process.cwd(), abs);
    const validation = validateFaq(input, file, await this.#corpus(), localDate(this.#now()));
    if (!validation.ok) throw new FaqValidationError(validation.fields);
    const previous = await this.get(id);
    const previousAbs = await this.#find(id);
    if (expectedVersion === null && previousAbs) throw new FaqExistsError(id);
    if (expectedVersion !== null && previous?.version !== expectedVersion)
      throw new VersionConflictError(id, expectedVersion, previous?.version ?? null);
    await mkdir(path.dirname(abs), { recursive: true });
    const temp = `${abs}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(temp, validation.text, "utf8");
    await rename(temp, abs);
    if (previousAbs && previousAbs !== abs) await rm(previousAbs, { force: true });
    const text = validation.text;
    return { record: { faq: validation.faq, text, version: faqVersion(text), file }, previous };
  }

  async #find(id: string): Promise<string | undefined> {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return undefined;
    const faqDir = path.join(this.root, "faq");
    const topics = await readdir(faqDir, { withFileTypes: true }).catch(() => []);
    for (const t of topics) {
      if (!t.isDirectory()) continue;
      const abs = path.join(faqDir, t.name, `${id}.md`);
      const exists = await access(abs).then(
        () => true,
        () => false,
      );
      if (exists) return abs;
    }
    return undefined;
  }

  #serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const before = this.#queues.get(id) ?? Promise.resolve();
    const run = before.then(task, task);
    const settled = run.catch(() => {});
    this.#queues.set(id, settled);
    void settled.then(() => {
      if (this.#queues.get(id) === settled) this.#queues.delete(id);
    });
    return run;
  }
}
