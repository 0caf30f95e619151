// `npm run content:export -- --out DIR`: writes the content store (what the admin console published, and
// the revisions waiting in review under DIR/.drafts) as Markdown files in the layout of content/, byte for
// byte. For backups, and to bring console edits back into the repository's content/ for the next release.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/index.js";
import { type FaqFiles, redisFaqFiles } from "../curation/index.js";
import { openRedis } from "../redis/index.js";

const { values } = parseArgs({ options: { out: { type: "string" } } });
if (!values.out) {
  process.stderr.write("Cách dùng: npm run content:export -- --out THU_MUC\n");
  process.exit(2);
}
const out = path.resolve(values.out);
const config = loadConfig(process.env);
const redis = openRedis(config.redis, { maxRetriesPerRequest: 2 });

async function write(files: FaqFiles, root: string): Promise<number> {
  const all = await files.list();
  for (const f of all) {
    const target = path.join(root, f.file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, f.text, "utf8");
  }
  return all.length;
}

try {
  const live = await write(redisFaqFiles(redis, config.redis.prefix, "live"), out);
  const pending = await write(
    redisFaqFiles(redis, config.redis.prefix, "revisions"),
    path.join(out, ".drafts"),
  );
  if (live === 0)
    process.stderr.write(`The content store under "${config.redis.prefix}" is empty (never started?).\n`);
  process.stdout.write(`Exported ${live} FAQs and ${pending} pending revisions to ${out}.\n`);
  if (live === 0) process.exitCode = 1;
} catch (error) {
  process.stderr.write(`Export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  redis.disconnect();
}
