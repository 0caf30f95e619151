import { z } from "zod";
import {
  CaseActionDeniedError,
  CaseNotFoundError,
  CaseStateError,
  type ClaimResult,
} from "../../escalation/index.js";
import { HttpError } from "../http-error.js";

const NOT_FOUND = "Không tìm thấy hồ sơ này, hoặc bạn không có quyền xem.";

/** Maps the case service's errors to an HttpError with a Vietnamese message; others pass unchanged. */
export function caseHttpError(error: unknown): unknown {
  if (error instanceof HttpError) return error;
  if (error instanceof CaseNotFoundError) return new HttpError(404, "case_not_found", NOT_FOUND);
  if (error instanceof CaseActionDeniedError) {
    switch (error.reason) {
      case "not-holder":
        return new HttpError(403, "not_holder", "Bạn cần nhận hồ sơ này trước khi xử lý.");
      case "unknown-account":
        return new HttpError(400, "unknown_account", "Không có tài khoản cán bộ này.");
      case "same-holder":
        return new HttpError(400, "same_holder", "Hồ sơ đang do cán bộ này giữ.");
      case "unreachable":
        return new HttpError(
          409,
          "unreachable",
          "Không nhắn được cho người dân qua kênh chat, vui lòng gọi điện.",
        );
    }
  }
  if (error instanceof CaseStateError) {
    if (error.status === "not-holder")
      return new HttpError(403, "not_holder", "Hồ sơ vừa được chuyển cho cán bộ khác.");
    if (error.status === "closed") return new HttpError(409, "case_closed", "Hồ sơ đã đóng.");
    return new HttpError(409, "case_state", "Hồ sơ đang ở trạng thái không cho phép việc này.");
  }
  if (error instanceof z.ZodError) {
    return new HttpError(400, "bad_request", error.issues[0]?.message ?? "Yêu cầu không hợp lệ.");
  }
  return error;
}

/** The 409 of a lost claim, naming who holds the case. */
export function claimLost(result: Extract<ClaimResult, { ok: false }>): HttpError {
  if (result.status === "closed") return new HttpError(409, "case_closed", "Hồ sơ đã đóng.");
  return new HttpError(
    409,
    "already_claimed",
    result.claimedBy
      ? `Hồ sơ đã được cán bộ ${result.claimedBy} nhận trước.`
      : "Hồ sơ đã được cán bộ khác nhận trước.",
  );
}
