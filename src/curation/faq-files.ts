import type { CorpusFile } from "../content/index.js";

/** The outcome of a versioned write: done, or refused because the stored version is not the one expected. */
export type FaqWrite = { readonly ok: true } | { readonly ok: false; readonly current: string | null };

/**
 * Where FAQ files are kept, as `faq/<topic>/<id>.md` texts, each with its version (sha256 of the text).
 * Writes are versioned: they happen only while the stored version is still the expected one, so two
 * admins (on one instance or several) never overwrite each other.
 */
export interface FaqFiles {
  /** Every stored file, parsed as content:check parses it. */
  list(): Promise<CorpusFile[]>;
  /** The stored text of this id and the path it is shown under; undefined when none. */
  get(id: string): Promise<{ readonly text: string; readonly file: string } | undefined>;
  /** The path a FAQ of this topic and id is shown under (validation messages name it). */
  fileOf(topic: string, id: string): string;
  /** Stores `text` as FAQ `id` of `topic` when the stored version is `expected` (null: none stored yet). */
  put(id: string, topic: string, text: string, expected: string | null): Promise<FaqWrite>;
  /** Deletes FAQ `id` when its stored version is still `expected`. */
  remove(id: string, expected: string): Promise<FaqWrite>;
}
