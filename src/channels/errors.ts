import { AppError } from "../errors/index.js";

/** A channel id the registry does not know: never read as another channel (web, `other`). */
export class UnknownChannelError extends AppError {
  override name = "UnknownChannelError";
  static readonly codes = ["unknown_channel"] as const;
  readonly code = UnknownChannelError.codes[0];

  constructor(readonly channel: string) {
    super(`unknown channel ${JSON.stringify(channel.slice(0, 40))}`);
  }
}
