import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";
import type { Meilisearch } from "meilisearch";
import { type App, createApp } from "../../src/app.js";
import type { Config } from "../../src/config/index.js";
import { readAnswer } from "./http-answer.js";
import { testServices } from "./test-services.js";

/** The app wired as in production, in this process, on a random port, with its own index and key prefix. */
export interface TestApp extends App {
  readonly baseUrl: string;
  readonly config: Config;
  readonly redis: Redis;
  readonly meili: Meilisearch;
  ask(
    body: unknown,
    headers?: Record<string, string>,
    // biome-ignore lint/suspicious/noExplicitAny: a JSON body whose shape the assertions check
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(options?: { keepIndex?: boolean }): Promise<void>;
}

export async function startTestApp(
  env: Record<string, string> = {},
  options: { index?: boolean } = {},
): Promise<TestApp> {
  const services = await testServices(
    { RATE_LIMIT_IP_PER_MINUTE: "100000", RATE_LIMIT_SESSION_PER_MINUTE: "100000", ...env },
    { index: options.index, namePrefix: "app" },
  );
  const { config, logger, redis, meili } = services;
  const built = await createApp({ config, logger, redis, meili });
  const server: Server = await new Promise((resolve) => {
    const s = built.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...built,
    baseUrl,
    config,
    redis,
    meili,
    async ask(body, headers = {}) {
      const res = await fetch(`${baseUrl}/api/v1/ask`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return readAnswer(res);
    },
    async close({ keepIndex = false } = {}) {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await built.close();
      await services.release({ keepIndex });
    },
  };
}
