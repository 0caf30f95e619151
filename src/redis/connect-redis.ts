import {
  Cluster,
  type ClusterNode,
  type ClusterOptions as IoClusterOptions,
  Redis,
  type RedisOptions,
} from "ioredis";
import { DependencyError } from "../errors/index.js";
import type { RedisOutage } from "./redis-outage.js";

/**
 * How long one command may wait for its reply on the app's client. It bounds a request whose
 * command was already sent when Redis went away (ioredis would resend it on reconnect), or that
 * a hung Redis never answers; generous, so a starved CPU does not fail healthy commands.
 */
export const COMMAND_TIMEOUT_MS = 3000;

/** Reconnect soon after Redis is back: 100 ms, doubling, at most 2 s between attempts. */
const reconnectDelay = (times: number) => Math.min(100 * 2 ** (times - 1), 2000);

/** Where Redis is: one server at `url`, or a cluster's seed nodes (`url` then gives credentials and TLS). */
export interface RedisEndpoint {
  readonly url: string;
  readonly clusterNodes?: readonly { readonly host: string; readonly port: number }[];
}

/** REDIS_URL's user, password and TLS, which every node of a cluster is reached with. */
export function nodeCredentials(url: string): RedisOptions {
  const u = new URL(url);
  return {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
  };
}

/** Options of this app's clients (legacy reply mapping, as `new Redis(url)` gives). */
type Options = RedisOptions & { replyMapping?: "legacy" };

/** An ioredis client whose connection, and each `duplicate()`'s, is watched by one RedisOutage. */
class WatchedRedis extends Redis {
  readonly #outage: RedisOutage;

  constructor(url: string | undefined, options: Options, outage: RedisOutage) {
    if (url === undefined) super(options);
    else super(url, options);
    this.#outage = outage;
    outage.watch(this);
  }

  /**
   * A connection of its own, for a blocking read or a subscription: it connects at once, queues
   * what is sent before it is ready (up to `maxRetriesPerRequest` reconnects) and has no command
   * timeout, since a blocking read waits longer than any command should.
   */
  override duplicate(override: Partial<RedisOptions> = {}): ReturnType<Redis["duplicate"]> {
    return new WatchedRedis(
      undefined,
      {
        ...(this.options as Options),
        lazyConnect: false,
        enableOfflineQueue: true,
        commandTimeout: undefined,
        ...(override as Partial<Options>),
      },
      this.#outage,
    );
  }
}

/** Options of this app's cluster clients (legacy reply mapping, as for `Options`). */
type ClusterOptions = Omit<IoClusterOptions, "redisOptions"> & {
  redisOptions?: Omit<NonNullable<IoClusterOptions["redisOptions"]>, "replyMapping">;
};

/** A cluster client whose connection, and each `duplicate()`'s, is watched by one RedisOutage. */
class WatchedCluster extends Cluster {
  readonly #nodes: ClusterNode[];
  readonly #outage: RedisOutage;

  constructor(nodes: ClusterNode[], options: ClusterOptions, outage: RedisOutage) {
    super(nodes, options);
    this.#nodes = nodes;
    this.#outage = outage;
    outage.watch(this);
  }

  /** As `WatchedRedis.duplicate`: connects at once, queues while not ready, no command timeout. */
  override duplicate(nodes: ClusterNode[] = [], override: ClusterOptions = {}): Cluster {
    const options = this.options as ClusterOptions;
    return new WatchedCluster(
      nodes.length ? nodes : this.#nodes,
      {
        ...options,
        lazyConnect: false,
        enableOfflineQueue: true,
        ...override,
        redisOptions: { ...options.redisOptions, commandTimeout: undefined, ...override.redisOptions },
      },
      this.#outage,
    );
  }
}

/**
 * The app's Redis client, connected: while Redis does not answer, a command fails at once (no
 * offline queue) instead of waiting for reconnects, so a request that needs Redis can answer 503
 * fast; it reconnects by itself. Rejects when Redis does not answer within `timeoutMs`.
 */
export async function connectRedis(
  endpoint: RedisEndpoint,
  outage: RedisOutage,
  options: { timeoutMs?: number } = {},
): Promise<Redis> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const perCommand = { maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS, connectTimeout: 5000 };
  const client = endpoint.clusterNodes
    ? clusterClient(endpoint.url, endpoint.clusterNodes, perCommand, outage)
    : new WatchedRedis(
        endpoint.url,
        {
          lazyConnect: true,
          enableOfflineQueue: false,
          ...perCommand,
          retryStrategy: reconnectDelay,
          enableAutoPipelining: true,
        },
        outage,
      );
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new DependencyError("redis", `Redis did not answer within ${timeoutMs} ms.`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    client.disconnect();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return client;
}

/**
 * A plain client for a CLI (no outage watcher, no defaults of the app's): one server, or the cluster when
 * REDIS_CLUSTER_NODES is set, so `npm run user:add` and the like need no change either.
 */
export function openRedis(endpoint: RedisEndpoint, options: RedisOptions = {}): Redis {
  if (!endpoint.clusterNodes) return new Redis(endpoint.url, options);
  const { lazyConnect, ...perNode } = options;
  return asRedis(
    new Cluster(nodesOf(endpoint.clusterNodes), {
      lazyConnect,
      redisOptions: { ...nodeCredentials(endpoint.url), ...perNode },
    }),
  );
}

function nodesOf(nodes: NonNullable<RedisEndpoint["clusterNodes"]>): ClusterNode[] {
  return nodes.map((n) => ({ host: n.host, port: n.port }));
}

function clusterClient(
  url: string,
  nodes: NonNullable<RedisEndpoint["clusterNodes"]>,
  perCommand: RedisOptions,
  outage: RedisOutage,
): Redis {
  return asRedis(
    new WatchedCluster(
      nodesOf(nodes),
      {
        lazyConnect: true,
        enableOfflineQueue: false,
        clusterRetryStrategy: reconnectDelay,
        enableAutoPipelining: true,
        redisOptions: { ...nodeCredentials(url), ...perCommand },
      },
      outage,
    ),
  );
}

/**
 * A cluster client typed as `Redis`: the one cast of the cluster support. ioredis's `Cluster` has the same
 * commands, pipelines, `defineCommand`, `duplicate()`, `quit()` and events as `Redis`, so the ~50 modules that
 * take a `Redis` run on it unchanged. What differs is handled in three places: SCAN sees one node
 * (`deleteKeysWithPrefix` scans each master, told apart by `isCluster`), `duplicate` takes nodes and cluster
 * options (`WatchedCluster`), and BullMQ builds clients from options for one server only (`bullConnection`).
 */
function asRedis(cluster: Cluster): Redis {
  return cluster as unknown as Redis;
}
