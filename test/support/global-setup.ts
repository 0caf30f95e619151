import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { type MeiliEndpoint, redisAnswers, startMeiliServer } from "../../src/runtime/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
    redisUrl: string;
  }
}

let meili: MeiliEndpoint | undefined;
let dataDir: string | undefined;

/** One Meilisearch for the whole run (random port, temp dir); tests use random index names. */
export async function setup(project: TestProject): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  if (!(await redisAnswers(redisUrl))) {
    throw new Error(`Tests need Redis at ${redisUrl} (start one with "redis-server --daemonize yes").`);
  }
  dataDir = await mkdtemp(path.join(os.tmpdir(), "tlpl-test-meili-"));
  meili = await startMeiliServer({ dataDir });
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  project.provide("redisUrl", redisUrl);
}

export async function teardown(): Promise<void> {
  await meili?.process?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
