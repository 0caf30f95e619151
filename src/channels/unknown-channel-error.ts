import { AppError } from "../errors/index.js";

/** A channel id the registry does not know: never read as another channel (web, `other`). */
export class UnknownChannelError extends AppError {
  override name = "UnknownChannelError";
  /** Stable code for logs and HTTP mapping. */
  readonly code = "unknown_channel";

  constructor(readonly channel: string) {
    super(`unknown channel ${JSON.stringify(channel.slice(0, 40))}`);
  }
}
