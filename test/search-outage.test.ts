import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startMeiliServer } from "../src/runtime/index.js";
import { startTestApp } from "./support/in-process-app.js";

describe("when Meilisearch goes down", () => {
  it("answers from the snapshot (ready, degraded) or politely with the hotline (not ready), and recovers without a restart", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-outage-"));
    let meili = await startMeiliServer({ dataDir });
    const port = Number(new URL(meili.url).port);
    const env = { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey };
    // `warm` has read the corpus before the outage; `cold` starts during it.
    const warm = await startTestApp(env);
    const question = { text: "tôi muốn ly hôn mà chồng không đồng ý" };
    try {
      expect((await warm.ask(question)).body.kind).toBe("answer");

      await meili.process?.stop(0);
      const cold = await startTestApp({ ...env, MEILI_INDEX: warm.config.meili.index }, { index: false });
      try {
        const down = await cold.ask(question);
        expect(down.status).toBe(200);
        expect(down.body.kind).toBe("fallback");
        expect(down.body.text).toContain("1800.1233");
        expect(down.body.text).toMatch(/gián đoạn/);
        // The instance that had already read the corpus keeps answering from it.
        const stillWarm = await warm.ask(question);
        expect(stillWarm.status).toBe(200);
        expect(stillWarm.body.kind).toBe("answer");
        // FAQ pages and typed choice numbers (the only way on Zalo) come from the snapshot too.
        const page = await fetch(`${warm.baseUrl}/api/v1/faqs/ly-hon-don-phuong`);
        expect(page.status).toBe(200);
        expect(((await page.json()) as { id: string }).id).toBe("ly-hon-don-phuong");
        expect((await fetch(`${warm.baseUrl}/api/v1/faqs/khong-co-cau-nay`)).status).toBe(404);
        const choices = await warm.ask({ text: "sổ đỏ", sessionId: "outage-choices" });
        expect(choices.body.kind).toBe("choices");
        const picked = await warm.ask({ text: "2", sessionId: "outage-choices" });
        expect(picked.body.kind).toBe("answer");
        expect(picked.body.faqId).toBe(choices.body.suggestions[1].faqId);
        // The warm instance stays in the load balancer (degraded); the cold one has nothing to serve.
        const warmReady = await fetch(`${warm.baseUrl}/health/ready`);
        expect(warmReady.status).toBe(200);
        expect(await warmReady.json()).toMatchObject({
          status: "degraded",
          checks: { meilisearch: "down", redis: "up" },
          down: [],
          details: { meilisearch: { ok: false, state: "down", serving: "snapshot" } },
        });
        const coldReady = await fetch(`${cold.baseUrl}/health/ready`);
        expect(coldReady.status).toBe(503);
        // No snapshot: no index to answer from and no Meilisearch.
        expect(((await coldReady.json()) as { down: string[] }).down).toEqual(["index", "meilisearch"]);

        meili = await startMeiliServer({ dataDir, masterKey: meili.masterKey, port });
        const back = await cold.ask(question);
        expect(back.status).toBe(200);
        expect(back.body.kind).toBe("answer");
        expect(await (await fetch(`${warm.baseUrl}/health/ready`)).json()).toMatchObject({ status: "ok" });
      } finally {
        await cold.close({ keepIndex: true });
      }
    } finally {
      await warm.close();
      await meili.process?.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
