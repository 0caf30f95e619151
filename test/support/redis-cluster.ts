import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { freePort, type ManagedProcess, sleep, spawnManaged } from "../../src/runtime/child-process.js";

const run = promisify(execFile);

/** A Redis Cluster of this test's own: three masters, no replicas, in a temp dir that `stop` removes. */
export interface RedisCluster {
  /** `host:port,host:port,host:port`, as REDIS_CLUSTER_NODES takes it. */
  readonly nodes: string;
  readonly ports: readonly number[];
  stop(): Promise<void>;
}

/** Starts three `redis-server --cluster-enabled yes`, joins them with `redis-cli --cluster create`, waits for state ok. */
export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tlpl-cluster-"));
  const processes: ManagedProcess[] = [];
  const ports: number[] = [];
  const stop = async () => {
    for (const p of processes) await p.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3; i++) {
      // The bus port is given, since port + 10000 (the default) may lie past 65535 for a random port.
      const [port, busPort] = [await freePort(), await freePort()];
      const args = ["--port", String(port), "--cluster-port", String(busPort), "--bind", "127.0.0.1"];
      args.push("--cluster-enabled", "yes", "--cluster-config-file", `nodes-${port}.conf`, "--dir", dir);
      args.push("--save", "", "--appendonly", "no");
      const { managed } = await spawnManaged(
        `redis-${port}`,
        "redis-server",
        args,
        path.join(dir, `${port}.pid`),
      );
      processes.push(managed);
      ports.push(port);
    }
    for (const port of ports)
      await until(
        () => answer(port, ["ping"]),
        (r) => r === "PONG",
        "PING",
      );
    const nodes = ports.map((p) => `127.0.0.1:${p}`);
    await run("redis-cli", ["--cluster", "create", ...nodes, "--cluster-replicas", "0", "--cluster-yes"]);
    for (const port of ports) {
      await until(
        () => answer(port, ["cluster", "info"]),
        (r) => String(r).includes("cluster_state:ok"),
        "state ok",
      );
    }
    return { nodes: nodes.join(","), ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function answer(port: number, command: [string, ...string[]]): Promise<unknown> {
  const client = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0 });
  client.on("error", () => {});
  try {
    await client.connect();
    return await client.call(...command);
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
}

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (ok(await probe())) return;
    await sleep(100);
  }
  throw new Error(`Redis Cluster: no ${what} within 10 s`);
}
