import { AppError } from "../../errors/index.js";

/** Zalo's "access token is invalid" (-216) and "access_token is expired or removed" (-220). */
export const ZALO_TOKEN_ERRORS: ReadonlySet<number> = new Set([-216, -220]);

/** The user is outside the OA's reply window: -230 no interaction in 7 days, -232 interaction expired. */
export const ZALO_WINDOW_ERRORS: ReadonlySet<number> = new Set([-230, -232]);

/**
 * Refusals no retry changes: bad parameters (-201, -210, -233), the OA or app disabled or not
 * allowed (-204, -205, -209, -212, -219, -221, -223, -224, -235, -240), the user unreachable (-213 not
 * a follower, -217, -218 receive quota, -227 banned or inactive, -244 restricted), -248 content.
 * Sources: the error table quoted in hoangnd25/monorepo wip/zalo-platform-integration.md;
 * chatwoot app/services/zalo_oa/message_sender.rb treats these as window or permanent errors.
 */
const PERMANENT = new Set([
  -201, -204, -205, -209, -210, -212, -213, -217, -218, -219, -221, -223, -224, -227, -233, -235, -240, -244,
  -248,
]);

/** What a caller does about a Zalo error. */
export type ZaloErrorKind = "token" | "outside-window" | "permanent" | "retry";

/** Token errors are refreshed, window and permanent ones are not retried, anything else is (-32, 5xx, network). */
export function classifyZaloError(code: number): ZaloErrorKind {
  if (ZALO_TOKEN_ERRORS.has(code)) return "token";
  if (ZALO_WINDOW_ERRORS.has(code)) return "outside-window";
  if (PERMANENT.has(code)) return "permanent";
  return "retry";
}

/** Zalo answered with a non-zero `error` (often with HTTP 200), or not at all. */
export class ZaloApiError extends AppError {
  override name = "ZaloApiError";
  static readonly codes = ["zalo_api"] as const;
  readonly code = ZaloApiError.codes[0];
  readonly kind: ZaloErrorKind;

  constructor(
    /** Zalo's error code (e.g. -220 expired access token); 0 when the HTTP call itself failed. */
    readonly zaloCode: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = zaloCode === 0 ? "retry" : classifyZaloError(zaloCode);
  }

  /** True when sending again cannot succeed: the job queue gives up at once. */
  get permanent(): boolean {
    return this.kind === "permanent" || this.kind === "outside-window";
  }
}
