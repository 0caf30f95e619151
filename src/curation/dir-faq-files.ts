import { randomBytes } from "node:crypto";
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { readCorpus } from "../content/index.js";
import type { FaqFiles, FaqWrite } from "./faq-files.js";
import { faqVersion } from "./faq-version.js";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * FAQ files in a folder (`<root>/faq/<topic>/<id>.md`), as in the repository's content/: the seed of the
 * store and what the CLI and unit tests read. Writes are temp file + rename; writes of one id run one after
 * another in this process (the version check and the rename are not atomic across processes).
 */
export function dirFaqFiles(root: string): FaqFiles {
  const queues = new Map<string, Promise<unknown>>();

  async function find(id: string): Promise<string | undefined> {
    if (!ID.test(id)) return undefined;
    const faqDir = path.join(root, "faq");
    const topics = await readdir(faqDir, { withFileTypes: true }).catch(() => []);
    for (const t of topics) {
      if (!t.isDirectory()) continue;
      const abs = path.join(faqDir, t.name, `${id}.md`);
      if (
        await access(abs).then(
          () => true,
          () => false,
        )
      )
        return abs;
    }
    return undefined;
  }

  async function read(id: string) {
    const abs = await find(id);
    const text = abs ? await readFile(abs, "utf8").catch(() => undefined) : undefined;
    return abs && text !== undefined ? { abs, text, file: path.relative(process.cwd(), abs) } : undefined;
  }

  function serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const before = queues.get(id) ?? Promise.resolve();
    const run = before.then(task, task);
    const settled = run.catch(() => {});
    queues.set(id, settled);
    void settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return run;
  }

  const fileOf = (topic: string, id: string) =>
    path.relative(process.cwd(), path.join(root, "faq", topic, `${id}.md`));

  return {
    list: () => readCorpus(root),
    get: async (id) => {
      const found = await read(id);
      return found && { text: found.text, file: found.file };
    },
    fileOf,
    put: (id, topic, text, expected) =>
      serial(id, async (): Promise<FaqWrite> => {
        const current = await read(id);
        const version = current ? faqVersion(current.text) : null;
        if (version !== expected) return { ok: false, current: version };
        const abs = path.join(root, "faq", topic, `${id}.md`);
        await mkdir(path.dirname(abs), { recursive: true });
        const temp = `${abs}.${randomBytes(4).toString("hex")}.tmp`;
        await writeFile(temp, text, "utf8");
        await rename(temp, abs);
        if (current && current.abs !== abs) await rm(current.abs, { force: true });
        return { ok: true };
      }),
    remove: (id, expected) =>
      serial(id, async (): Promise<FaqWrite> => {
        const current = await read(id);
        const version = current ? faqVersion(current.text) : null;
        if (!current || version !== expected) return { ok: false, current: version };
        await rm(current.abs);
        return { ok: true };
      }),
  };
}
