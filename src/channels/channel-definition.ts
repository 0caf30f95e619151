import type { Router } from "express";
import type { Redis } from "ioredis";
import type { Config } from "../config/index.js";
import type { Button, Clock, Engine } from "../core/index.js";
import type { DeliveryState } from "../escalation/index.js";
import type { FastRoutes, HealthDetail } from "../http/index.js";
import type { Logger } from "../logging/index.js";
import type { QueueLike } from "../metrics/index.js";
import type { RedisEndpoint } from "../redis/index.js";

/** What a channel can show and when it may write first. */
export interface ChannelCapabilities {
  /** "buttons": tappable buttons; "numbered": options written as numbers the citizen types. */
  readonly choices: "buttons" | "numbered";
  /** The platform lets a business write only within a window after the citizen's last message. */
  readonly replyWindow: boolean;
  /** Longest text of one message; longer replies are split. */
  readonly maxMessageLength: number;
}

/** The channels started from config, by id (see `startChannels`). */
export interface RunningChannels {
  get(id: string): unknown;
}

/** What the desk deliveries are built from; a channel not running answers "unsupported". */
export interface CitizenMessengerDeps {
  readonly running?: RunningChannels;
  readonly redis: Redis;
  /** REDIS_PREFIX, as the channels use it. */
  readonly prefix: string;
  readonly clock: Clock;
  /** Each channel reads its own settings (Zalo's reply window, the web chat's session TTL). */
  readonly config: Pick<Config, "channels" | "engine">;
}

/** One staff message to a citizen; `id` is the job id derived from the idempotency `key`. */
export interface DeskMessage {
  readonly conversationId: string;
  readonly text: string;
  readonly key: string;
  readonly id: string;
  readonly buttons?: readonly Button[];
}

/** How a staff reply reaches the citizen on one channel (the messenger records and dedupes). */
export interface DeskDelivery {
  /** Sends or queues; "queued" is looked up again later, any other state is final. */
  send(message: DeskMessage): Promise<DeliveryState>;
  /** The state of a send not recorded as final; `recorded` tells whether it was sent at all. */
  state(key: string, id: string, recorded: boolean): Promise<DeliveryState>;
  canReach(conversationId: string): Promise<boolean>;
  /** Deletes what the channel keeps of the conversation (the citizen asked to be forgotten). */
  forget(conversationId: string): Promise<void>;
}

/** What a channel is started with (`startChannels`). */
export interface ChannelStartDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly redis: Redis;
  readonly engine: Engine;
  /** Mounted before the app's JSON parser (webhooks that need the raw body). */
  readonly router: Router;
  /** In front of express (webhooks whose acknowledgement is the hot path). */
  readonly fastRoutes: FastRoutes;
  /** Counts outbound messages given up on after their last retry. */
  readonly onOutboundFailure?: (platform: string) => void;
  /** Long-polling timeout in seconds (tests shorten it). */
  readonly pollTimeoutSeconds?: number;
  /** First wait before a polling channel is tried again after a failure (tests shorten it). */
  readonly reconnectMs?: number;
}

/** What a channel's `start` gets: the start deps and the settings every channel's queues share. */
export interface ChannelRunDeps extends ChannelStartDeps {
  readonly outbound: Config["channels"]["outbound"];
  readonly redisEndpoint: RedisEndpoint;
  /** REDIS_PREFIX: every key and queue of a channel lives under it. */
  readonly prefix: string;
}

/** What the app asks of a started channel: its state, its queues, how to stop it. */
export interface ChannelRuntime<Running> {
  /** Starts the channel when its config is present; undefined when it is not configured. */
  start(deps: ChannelRunDeps): Promise<Running | undefined>;
  /** Its state for `/health/ready`. */
  health?(running: Running): ReturnType<HealthDetail>;
  /** Its queues, for the app's queue metrics. */
  queues(running: Running): readonly QueueLike[];
  /** Stops receiving, lets running jobs finish, closes the queues. */
  close(running: Running): Promise<void>;
}

/**
 * A channel as the rest of the app knows it. `id` is stored with cases and events, and
 * `metricsLabel` in rollup field names: neither may change once a channel is in use.
 */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds channels of every running type
export interface ChannelDefinition<Id extends string = string, Running = any> {
  readonly id: Id;
  /** Vietnamese name on staff pages ("Zalo"). */
  readonly label: string;
  /** Vietnamese name in the Department of Justice report ("Zalo OA"). */
  readonly reportLabel: string;
  readonly metricsLabel: string;
  readonly capabilities: ChannelCapabilities;
  /** Request headers carrying the channel's webhook secret or signature: redacted from logs. */
  readonly secretHeaders?: readonly string[];
  /** Builds the channel's desk delivery; `running` is the started channel, when it is. */
  desk(deps: CitizenMessengerDeps, running: () => Running | undefined): DeskDelivery;
  /** How a channel that runs in the app (polling, webhooks, queues) is started; none for the web chat. */
  readonly runtime?: ChannelRuntime<Running>;
}

/** Keeps the literal id, so the id union can be derived from the list of definitions. */
export function defineChannel<const Id extends string, Running = never>(
  definition: ChannelDefinition<Id, Running>,
): ChannelDefinition<Id, Running> {
  return definition;
}
