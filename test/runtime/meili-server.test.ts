import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startMeiliServer } from "../../src/runtime/index.js";

describe("the bundled Meilisearch", () => {
  it("gets its master key through the environment, never on the command line other users see in ps", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-meili-argv-"));
    const meili = await startMeiliServer({ dataDir });
    try {
      const pid = meili.process?.pid;
      const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
      expect(cmdline).toContain("--http-addr=");
      expect(cmdline).not.toContain(meili.masterKey);
      // The key is in force: without it the API refuses, with it it answers.
      expect((await fetch(`${meili.url}/indexes`)).status).toBe(401);
      const ok = await fetch(`${meili.url}/indexes`, {
        headers: { authorization: `Bearer ${meili.masterKey}` },
      });
      expect(ok.status).toBe(200);
    } finally {
      await meili.process?.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
