import type { ChannelDefinition } from "./channel-definition.js";
import { UnknownChannelError } from "./errors.js";
import { telegramDefinition } from "./telegram/telegram-definition.js";
import { webDefinition } from "./web/web-definition.js";
import { zaloDefinition } from "./zalo/zalo-definition.js";

/**
 * The channels, in the order staff filters and report rows list them. Adding a channel: its
 * folder with a definition (see `web/web-definition.ts`) and one line here.
 */
const BUILT_IN = [webDefinition, telegramDefinition, zaloDefinition] as const;

/** A citizen channel's id, as stored with cases and events. */
export type ChannelId = (typeof BUILT_IN)[number]["id"];

/** The channels the app knows; anything else is an {@link UnknownChannelError}, never a default. */
export interface ChannelRegistry {
  /** Ids in registration order (the built-ins first). */
  ids(): readonly ChannelId[];
  has(id: unknown): id is ChannelId;
  /** Every channel's secret request headers (webhook secrets, signatures), for log redaction. */
  secretHeaders(): readonly string[];
  /** The metrics labels, in the order of {@link ids}. */
  metricsLabels(): readonly string[];
  /** The channel's definition; throws {@link UnknownChannelError} for an id not registered. */
  get(id: string): ChannelDefinition<ChannelId>;
  /** The channel counted under a rollup metrics label, if any. */
  byMetricsLabel(label: string): ChannelDefinition<ChannelId> | undefined;
  /**
   * Adds a channel beside the built-ins (a deployment's own channel at start-up, or a test);
   * returns a function that removes it again.
   */
  register(definition: ChannelDefinition): () => void;
}

/** A registry of `definitions`; ids and metrics labels must be unique. */
export function createChannelRegistry(definitions: readonly ChannelDefinition[]): ChannelRegistry {
  // Typed by the built-in ids; a channel registered at run time is one more member at run time.
  const byId = new Map<string, ChannelDefinition<ChannelId>>();
  const registry: ChannelRegistry = {
    ids: () => [...byId.keys()] as ChannelId[],
    has: (id): id is ChannelId => typeof id === "string" && byId.has(id),
    secretHeaders: () => [...byId.values()].flatMap((d) => d.secretHeaders ?? []),
    metricsLabels: () => [...byId.values()].map((d) => d.metricsLabel),
    get(id) {
      const definition = byId.get(id);
      if (!definition) throw new UnknownChannelError(id);
      return definition;
    },
    byMetricsLabel: (label) => [...byId.values()].find((d) => d.metricsLabel === label),
    register(definition) {
      if (byId.has(definition.id) || registry.byMetricsLabel(definition.metricsLabel)) {
        throw new Error(
          `channel ${definition.id} (metrics label ${definition.metricsLabel}) is already registered`,
        );
      }
      byId.set(definition.id, definition as ChannelDefinition<ChannelId>);
      return () => {
        if (byId.get(definition.id) === (definition as ChannelDefinition<ChannelId>))
          byId.delete(definition.id);
      };
    },
  };
  for (const definition of definitions) registry.register(definition);
  return registry;
}

/**
 * The app's channels. One shared instance, because cases and events stored in Redis are parsed
 * by module-level schemas (the case schema, the metrics vocabulary) that must know every channel.
 */
export const channelRegistry: ChannelRegistry = createChannelRegistry(BUILT_IN);
