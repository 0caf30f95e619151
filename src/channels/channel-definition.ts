import type { Redis } from "ioredis";
import type { Button, Clock } from "../core/index.js";
import type { DeliveryState } from "../escalation/index.js";
import type { TelegramChannel } from "./telegram/index.js";
import type { ZaloChannel } from "./zalo/index.js";

/** What a channel can show and when it may write first. */
export interface ChannelCapabilities {
  /** "buttons": tappable buttons; "numbered": options written as numbers the citizen types. */
  readonly choices: "buttons" | "numbered";
  /** The platform lets a business write only within a window after the citizen's last message. */
  readonly replyWindow: boolean;
  /** Longest text of one message; longer replies are split. */
  readonly maxMessageLength: number;
}

/** What the desk deliveries are built from; a platform left out answers "unsupported". */
export interface CitizenMessengerDeps {
  readonly telegram?: Pick<TelegramChannel, "outbound">;
  readonly zalo?: Pick<ZaloChannel, "outbound">;
  readonly redis: Redis;
  /** REDIS_PREFIX, as the channels use it. */
  readonly prefix: string;
  /** Zalo's customer-service reply window (ZALO_REPLY_WINDOW_HOURS in ms). */
  readonly replyWindowMs: number;
  readonly clock: Clock;
  /** How long a web chat's copy of the conversation lives (SESSION_TTL_SECONDS). */
  readonly webHistoryTtlSeconds?: number;
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

/**
 * A channel as the rest of the app knows it. `id` is stored with cases and events, and
 * `metricsLabel` in rollup field names: neither may change once a channel is in use.
 */
export interface ChannelDefinition<Id extends string = string> {
  readonly id: Id;
  /** Vietnamese name on staff pages ("Zalo"). */
  readonly label: string;
  /** Vietnamese name in the Department of Justice report ("Zalo OA"). */
  readonly reportLabel: string;
  readonly metricsLabel: string;
  readonly capabilities: ChannelCapabilities;
  /** Builds the channel's desk delivery. */
  readonly desk: (deps: CitizenMessengerDeps) => DeskDelivery;
}

/** Keeps the literal id, so the id union can be derived from the list of definitions. */
export function defineChannel<const Id extends string>(
  definition: ChannelDefinition<Id>,
): ChannelDefinition<Id> {
  return definition;
}
