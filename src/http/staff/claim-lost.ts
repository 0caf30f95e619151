import type { ClaimResult } from "../../escalation/index.js";
import { httpError } from "../error-status.js";
import { HttpError } from "../http-error.js";

/** The 409 of a lost claim, naming who holds the case. */
export function claimLost(result: Extract<ClaimResult, { ok: false }>): HttpError {
  if (result.status === "closed") return httpError("case_closed");
  return new HttpError(
    409,
    "already_claimed",
    result.claimedBy
      ? `Hồ sơ đã được cán bộ ${result.claimedBy} nhận trước.`
      : "Hồ sơ đã được cán bộ khác nhận trước.",
  );
}
