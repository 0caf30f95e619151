import type { HealthDetail } from "../http/index.js";
import type { QueueLike } from "../metrics/index.js";
import type { ChannelDefinition, ChannelStartDeps, RunningChannels } from "./channel-definition.js";
import { channelRegistry } from "./channel-registry.js";

/** The channels that are configured, running. */
export interface Channels extends RunningChannels {
  /** Whether each channel that runs in the app was started (for the start-up log). */
  configured(): Record<string, boolean>;
  /** The running channels' queues, for the app's queue metrics. */
  queues(): QueueLike[];
  /** Stops polling, lets running jobs finish, closes the queues. */
  close(): Promise<void>;
}

/** The registry's channels that run in the app (the web chat is served by the app itself). */
function runnable(): ChannelDefinition[] {
  return channelRegistry
    .ids()
    .map((id) => channelRegistry.get(id))
    .filter((d) => d.runtime !== undefined);
}

/**
 * Starts every registered channel whose config is present (Telegram when TELEGRAM_BOT_TOKEN is
 * set, Zalo when ZALO_APP_ID and ZALO_OA_SECRET_KEY are, …); a channel that fails to start stops
 * the ones started before it.
 */
export async function startChannels(deps: ChannelStartDeps): Promise<Channels> {
  const started = new Map<string, { definition: ChannelDefinition; running: unknown }>();
  const stopAll = () =>
    Promise.all([...started.values()].map(({ definition, running }) => definition.runtime?.close(running)));
  const { config } = deps;
  const run = {
    ...deps,
    outbound: config.channels.outbound,
    redisEndpoint: config.redis,
    prefix: config.redis.prefix,
  };
  try {
    for (const definition of runnable()) {
      const running = await definition.runtime?.start(run);
      if (running !== undefined) started.set(definition.id, { definition, running });
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const get = (id: string) => started.get(id)?.running;
  return {
    get,
    configured: () => Object.fromEntries(runnable().map((d) => [d.id, started.has(d.id)])),
    queues: () =>
      [...started.values()].flatMap(({ definition, running }) => definition.runtime?.queues(running) ?? []),
    async close() {
      await stopAll();
    },
  };
}

/** `/health/ready` details of the channels that run in the app, read from `channels` once started. */
export function channelHealthDetails(channels: () => Channels | undefined): Record<string, HealthDetail> {
  return Object.fromEntries(
    runnable()
      .filter((d) => d.runtime?.health !== undefined)
      .map((d): [string, HealthDetail] => [
        d.id,
        () => {
          const running = channels()?.get(d.id);
          return running === undefined ? undefined : d.runtime?.health?.(running);
        },
      ]),
  );
}
