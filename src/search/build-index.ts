import { createHash } from "node:crypto";
import type { Meilisearch, Settings } from "meilisearch";
import type { Faq } from "../content/index.js";
import { toFaqDocument } from "./faq-document.js";

/** Progress of an index build, for a progress bar or a log line. */
export interface IndexProgress {
  readonly step: "create" | "settings" | "documents" | "swap" | "cleanup" | "done";
  readonly done: number;
  readonly total: number;
}

/** What a build did: the new index, document count, time taken and content hash. */
export interface IndexResult {
  readonly uid: string;
  readonly documents: number;
  readonly ms: number;
  readonly hash: string;
}

const TASK_TIMEOUT_MS = 120_000;
const wait = { timeout: TASK_TIMEOUT_MS, interval: 50 };

function ensureOk(task: { status: string; error?: { message: string } | null }, what: string): void {
  if (task.status !== "succeeded") throw new Error(`${what} failed: ${task.error?.message ?? task.status}`);
}

/** A hash of the published FAQs and the settings: when it changes, the index must be rebuilt. */
export function contentHash(faqs: readonly Faq[], settings: Settings): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(settings));
  for (const faq of [...faqs].sort((a, b) => a.id.localeCompare(b.id))) hash.update(JSON.stringify(faq));
  return hash.digest("hex").slice(0, 16);
}

/** The index documents of the published FAQs, each carrying the corpus revision (its content hash). */
function publishedDocuments(faqs: readonly Faq[], settings: Settings) {
  const published = faqs.filter((f) => f.status === "published");
  const hash = contentHash(published, settings);
  const questions = new Map(published.map((f) => [f.id, f.question]));
  return { hash, docs: published.map((f) => toFaqDocument(f, questions, hash)) };
}

/**
 * Builds `<alias>_<timestamp>` with the settings and every published FAQ, waits for Meilisearch to
 * finish, then swaps it with `<alias>` in one atomic task and deletes the old one. Searches on
 * `<alias>` see the old index until the swap, then the new one: no moment without results.
 */
export async function buildIndex(
  client: Meilisearch,
  alias: string,
  faqs: readonly Faq[],
  settings: Settings,
  onProgress: (p: IndexProgress) => void = () => {},
): Promise<IndexResult> {
  const started = Date.now();
  const { hash, docs } = publishedDocuments(faqs, settings);
  const uid = `${alias}_${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const total = docs.length;

  onProgress({ step: "create", done: 0, total });
  ensureOk(await client.createIndex(uid, { primaryKey: "id" }).waitTask(wait), `creating ${uid}`);
  try {
    onProgress({ step: "settings", done: 0, total });
    ensureOk(await client.index(uid).updateSettings(settings).waitTask(wait), "applying settings");
    const batch = 100;
    for (let i = 0; i < docs.length; i += batch) {
      ensureOk(
        await client
          .index(uid)
          .addDocuments(docs.slice(i, i + batch))
          .waitTask(wait),
        "adding documents",
      );
      onProgress({ step: "documents", done: Math.min(i + batch, docs.length), total });
    }
    onProgress({ step: "swap", done: total, total });
    const aliasExists = await client
      .index(alias)
      .getRawInfo()
      .then(() => true)
      .catch(() => false);
    // First build: rename the new index to the alias. Later builds: swap, so `uid` holds the old one.
    ensureOk(
      await client
        .swapIndexes([{ indexes: aliasExists ? [alias, uid] : [uid, alias], rename: !aliasExists }])
        .waitTask(wait),
      "swapping indexes",
    );
    onProgress({ step: "cleanup", done: total, total });
    if (aliasExists) await client.deleteIndex(uid).waitTask(wait);
  } catch (error) {
    await client
      .deleteIndex(uid)
      .waitTask(wait)
      .catch(() => {});
    throw error;
  }
  onProgress({ step: "done", done: total, total });
  return { uid, documents: total, ms: Date.now() - started, hash };
}

/**
 * A publish when the settings did not change: every published FAQ is written into the live index
 * in one task (Meilisearch re-indexes only what changed: about a second for the whole corpus where
 * a full build takes several), then the FAQs no longer published are deleted. Searches see the old
 * documents until the first task commits, then the new ones; the corpus revision (`rev`) in every
 * document tells each instance's snapshot that it changed.
 */
export async function updateIndexInPlace(
  client: Meilisearch,
  alias: string,
  faqs: readonly Faq[],
  settings: Settings,
): Promise<IndexResult> {
  const started = Date.now();
  const { hash, docs } = publishedDocuments(faqs, settings);
  const index = client.index(alias);
  ensureOk(await index.addDocuments(docs).waitTask(wait), "updating documents");
  const kept = new Set(docs.map((d) => d.id));
  const { results } = await index.getDocuments<{ id: string }>({ fields: ["id"], limit: 100_000 });
  const gone = results.map((d) => d.id).filter((id) => !kept.has(id));
  if (gone.length) ensureOk(await index.deleteDocuments(gone).waitTask(wait), "removing retired documents");
  return { uid: alias, documents: docs.length, ms: Date.now() - started, hash };
}
