import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A fresh copy of the repository's content/ in a temp dir (tests never write into content/); `release` deletes it. */
export async function tempContent(): Promise<{ dir: string; release(): Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "tlpl-curation-"));
  const dir = path.join(root, "content");
  await cp(path.resolve("content"), dir, { recursive: true });
  return { dir, release: () => rm(root, { recursive: true, force: true }) };
}
