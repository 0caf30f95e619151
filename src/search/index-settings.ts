import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Settings } from "meilisearch";
import { z } from "zod";
import { normalize } from "../core/index.js";

const settingsFileSchema = z.looseObject({
  searchableAttributes: z.array(z.string()).min(1),
  rankingRules: z.array(z.string()).min(1),
});
const stopWordsSchema = z.array(z.string().min(1));
const synonymsSchema = z.array(z.array(z.string().min(1)).min(2));

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}

/** Turns groups of equivalent phrases into Meilisearch's map (every phrase → all the others), normalized. */
export function synonymMap(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const map: Record<string, Set<string>> = {};
  for (const group of groups) {
    const words = [...new Set(group.map((w) => normalize(w)))];
    for (const word of words) {
      map[word] ??= new Set();
      for (const other of words) if (other !== word) map[word].add(other);
    }
  }
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v].sort()]));
}

/** Reads `settings.json`, `stop-words.json` and `synonyms.json` from the index-config dir into one Settings. */
export async function loadIndexSettings(dir: string): Promise<Settings> {
  const base = settingsFileSchema.parse(await readJson(path.join(dir, "settings.json")));
  const stopWords = stopWordsSchema.parse(await readJson(path.join(dir, "stop-words.json")));
  const synonyms = synonymsSchema.parse(await readJson(path.join(dir, "synonyms.json")));
  return {
    ...(base as Settings),
    stopWords: [...new Set(stopWords.map((w) => normalize(w)))],
    synonyms: synonymMap(synonyms),
  };
}
