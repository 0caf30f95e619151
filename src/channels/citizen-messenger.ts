import type { CaseChannel, CitizenMessenger, DeliveryState } from "../escalation/index.js";
import type { CitizenMessengerDeps, DeskDelivery } from "./channel-definition.js";
import { channelRegistry } from "./channel-registry.js";
import { jobId, outboundKeys } from "./outbound/index.js";

/** How long a send is remembered, so its state can be told after BullMQ dropped the finished job. */
const RECORD_TTL_SECONDS = 400 * 86_400;

type Recorded = { readonly channel: CaseChannel; readonly state?: DeliveryState };

/**
 * Staff messages to citizens through the channel they wrote from, by that channel's desk
 * delivery in the registry (an unknown channel throws `UnknownChannelError`). Each send is
 * recorded under its `key`, so a repeat is a no-op that reports the first send's state.
 */
export function citizenMessenger(deps: CitizenMessengerDeps): CitizenMessenger {
  const { redis, prefix } = deps;
  const recordKey = outboundKeys(prefix).citizenMessage;
  const idOf = (key: string) => jobId("staff", key);
  const deliveries = new Map<string, DeskDelivery>();

  function deliveryOf(channel: string): DeskDelivery {
    const definition = channelRegistry.get(channel);
    let delivery = deliveries.get(channel);
    if (!delivery) {
      delivery = definition.desk(deps, () => deps.running?.get(channel));
      deliveries.set(channel, delivery);
    }
    return delivery;
  }

  async function recorded(key: string): Promise<Recorded | undefined> {
    const raw = await redis.get(recordKey(key));
    return raw ? (JSON.parse(raw) as Recorded) : undefined;
  }

  async function state(channel: CaseChannel, key: string): Promise<DeliveryState> {
    const known = await recorded(key);
    if (known?.state) return known.state;
    return deliveryOf(channel).state(key, idOf(key), known !== undefined);
  }

  return {
    async send({ channel, conversationId, text, key, buttons }) {
      if (await recorded(key)) return state(channel, key);
      const sent = await deliveryOf(channel).send({ conversationId, text, key, id: idOf(key), buttons });
      if (sent === "unsupported") return sent;
      // A queued message's state is asked of the queue later; any other state is final.
      const value: Recorded = sent === "queued" ? { channel } : { channel, state: sent };
      await redis.set(recordKey(key), JSON.stringify(value), "EX", RECORD_TTL_SECONDS);
      return sent;
    },
    state,
    forget: (channel, conversationId) => deliveryOf(channel).forget(conversationId),
    canReach: (channel, conversationId) => deliveryOf(channel).canReach(conversationId),
  };
}
