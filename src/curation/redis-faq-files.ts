import type { Redis } from "ioredis";
import { type CorpusFile, parseFaqFile } from "../content/index.js";
import { defineScripts, luaScript } from "../redis/index.js";
import { curationKeys } from "./curation-keys.js";
import type { FaqFiles, FaqWrite } from "./faq-files.js";
import { faqVersion } from "./faq-version.js";

/**
 * One hash per area: `t:<id>` the file text, `v:<id>` its version. One key, so a write is one atomic step.
 * KEYS: area hash. ARGV: id, expected version ("" = must not exist), text ("" = remove), version.
 * Returns {1, ""} when written, else {0, current version}.
 */
const scripts = {
  put: luaScript<[number, string]>(
    1,
    `
local current = redis.call("HGET", KEYS[1], "v:" .. ARGV[1])
local expected = ARGV[2]
if (expected == "" and current) or (expected ~= "" and current ~= expected) then
  return {0, current or ""}
end
if ARGV[3] == "" then
  redis.call("HDEL", KEYS[1], "t:" .. ARGV[1], "v:" .. ARGV[1])
else
  redis.call("HSET", KEYS[1], "t:" .. ARGV[1], ARGV[3], "v:" .. ARGV[1], ARGV[4])
end
return {1, ""}`,
  ),
};

const TOPIC = /^topic:\s*["']?([a-z0-9-]+)/m;

/** The path a stored FAQ is shown under: where `npm run content:export` writes it. */
function fileOf(topic: string, id: string): string {
  return `faq/${topic}/${id}.md`;
}

function shownAs(id: string, text: string): string {
  return fileOf(TOPIC.exec(text)?.[1] ?? "unknown", id);
}

/**
 * FAQ files kept in Redis (the hash `curationKeys(prefix).content(area)`), the durable home shared by every instance:
 * it survives a container recreate (AOF), and a write checks the version and stores in one script, so two
 * admins on two instances never overwrite each other. Texts are stored byte for byte, every front-matter
 * field included.
 */
export function redisFaqFiles(redis: Redis, prefix: string, area: "live" | "revisions"): FaqFiles {
  const key = curationKeys(prefix).content(area);
  const { put } = defineScripts(redis, "curation", scripts);
  // Parsing the YAML of every file takes ~0.5 s for the full corpus, on the event loop that answers
  // citizens; a list (every admin page, every save's cross-check, every publish) re-parses only the
  // files whose text changed since the last list. Parsed files are never mutated by their readers.
  let parsed = new Map<string, CorpusFile>();
  const parse = (id: string, text: string): CorpusFile => {
    const file = shownAs(id, text);
    return { file, text, ...parseFaqFile(file, text) };
  };

  async function write(id: string, text: string, expected: string | null): Promise<FaqWrite> {
    const version = text ? faqVersion(text) : "";
    const [ok, current] = await put([key], id, expected ?? "", text, version);
    return ok === 1 ? { ok: true } : { ok: false, current: current || null };
  }

  return {
    async list(): Promise<CorpusFile[]> {
      const all = await redis.hgetall(key);
      const fresh = new Map<string, CorpusFile>();
      for (const [field, text] of Object.entries(all)) {
        if (!field.startsWith("t:")) continue;
        const known = parsed.get(field);
        fresh.set(field, known?.text === text ? known : parse(field.slice(2), text));
      }
      parsed = fresh;
      return [...fresh.values()].sort((a, b) => a.file.localeCompare(b.file));
    },
    async get(id) {
      const text = await redis.hget(key, `t:${id}`);
      return text === null ? undefined : { text, file: shownAs(id, text) };
    },
    fileOf,
    put: (id, _topic, text, expected) => write(id, text, expected),
    remove: (id, expected) => write(id, "", expected),
  };
}
