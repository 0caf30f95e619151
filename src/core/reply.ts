import type { ChannelId } from "../channels/channel-registry.js";
import type { LegalRef } from "./ports.js";

/** Tools that talk to the engine directly (the terminal chat, the evaluation): no desk, no delivery. */
export const TOOL_SOURCES = ["console", "api"] as const;

/** Where a message comes from: a citizen channel of the registry, or one of the {@link TOOL_SOURCES}. */
export type MessageChannel = ChannelId | (typeof TOOL_SOURCES)[number];

/** The five kinds of the public ask API (DESIGN.md). */
export type ReplyKind = "answer" | "choices" | "escalate" | "emergency" | "fallback";

/** What a button does when pressed; channels encode it in their own way. */
export type Action =
  | { readonly type: "choose"; readonly faqId: string }
  | { readonly type: "feedback"; readonly faqId: string; readonly value: "up" | "down" }
  | { readonly type: "escalate" }
  | { readonly type: "help" }
  /** "Xóa dữ liệu" under the confirmation step; acts only while that confirmation is pending. */
  | { readonly type: "confirm-delete" }
  | { readonly type: "keep-data" }

  /** Shows the common questions of one corpus topic. */
  | { readonly type: "topic"; readonly topic: string }
  /** A quick reply: read exactly as if the citizen had typed `text` (intake answers, ratings). */
  | { readonly type: "answer"; readonly text: string }
  /**
   * One box of a multiple choice (the screening groups): a channel that can, shows it as a checkbox
   * and sends the boxes ticked with the `send-picks` button; pressed alone it answers `value`.
   */
  | { readonly type: "pick"; readonly value: string }
  /** Sends the ticked `pick` values as one answer, space-separated, or `empty` when none is ticked. */
  | { readonly type: "send-picks"; readonly empty: string }
  /** Leave the conversation with the legal-aid officer and talk to the bot again. */
  | { readonly type: "leave-thread" };

export interface Button {
  readonly label: string;
  readonly action: Action;
}

export interface Suggestion {
  readonly faqId: string;
  readonly question: string;
}

/**
 * A clarifying question (a `choices` reply): sibling FAQs differ in one attribute, and the citizen
 * is asked which value fits; one option per sibling, labelled with its value ("Xe máy", "Ô tô").
 */
export interface Clarification {
  readonly attribute: string;
  /** The question alone, without the numbered options (the reply's `text` has both). */
  readonly question: string;
  readonly options: readonly { readonly faqId: string; readonly label: string }[];
}

/** A channel-neutral message from a citizen. */
export interface Message {
  readonly channel: MessageChannel;
  readonly sessionId: string;
  readonly text: string;
  /** A pressed button, when the message is one. */
  readonly action?: Action;
  /**
   * The network the message came from, only where that is the citizen's own (web chat, public API;
   * Zalo and Telegram arrive from the platforms' servers). Usage events carry a keyed hash of it and
   * the day, never the address, so the report can set apart one network planting questions.
   */
  readonly origin?: string;
}

/** A channel-neutral reply: `text` is exactly what the citizen is shown. */
export interface Reply {
  readonly kind: ReplyKind;
  readonly text: string;
  readonly faqId?: string;
  readonly confidence?: number;
  readonly topic?: string;
  readonly suggestions: readonly Suggestion[];
  readonly legalBasis?: readonly LegalRef[];
  readonly buttons: readonly Button[];
  /** Set when no search was needed (greeting, thanks, help, privacy, ask-person, …). */
  readonly intent?: string;
  /** Set on a `choices` reply that asks one attribute of sibling FAQs. */
  readonly clarification?: Clarification;
  /** Emergency category, when kind is "emergency". */
  readonly emergency?: string;
  readonly language: string;
  readonly translated?: boolean;
}
