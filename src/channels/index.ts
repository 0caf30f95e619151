export type {
  ChannelCapabilities,
  ChannelDefinition,
  ChannelRunDeps,
  ChannelRuntime,
  ChannelStartDeps,
  CitizenMessengerDeps,
  DeskDelivery,
  DeskMessage,
  RunningChannels,
} from "./channel-definition.js";
export { defineChannel } from "./channel-definition.js";
export {
  type ChannelId,
  type ChannelRegistry,
  channelRegistry,
  createChannelRegistry,
} from "./channel-registry.js";
export { citizenMessenger } from "./citizen-messenger.js";
export { UnknownChannelError } from "./errors.js";
export * as outbound from "./outbound/index.js";
export { type Channels, channelHealthDetails, startChannels } from "./start-channels.js";
export * as telegram from "./telegram/index.js";
export * as zalo from "./zalo/index.js";
