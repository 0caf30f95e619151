import { z } from "zod";
import type * as channels from "../channels/index.js";
import type * as curation from "../curation/index.js";
import { AppError, type ErrorCodesOf } from "../errors/index.js";
import type * as escalation from "../escalation/index.js";
import { HttpError } from "./http-error.js";
import { serviceUnavailable } from "./service-unavailable.js";

/** The codes of the modules whose errors a request can meet; each one must have a row below. */
export type MappedErrorCode =
  | ErrorCodesOf<typeof escalation>
  | ErrorCodesOf<typeof curation>
  | ErrorCodesOf<typeof channels>;

/** Codes the HTTP layer answers with itself (bad bodies, unknown routes, a stale form, unexpected failures). */
type HttpCode =
  | "bad_request"
  | "bad_json"
  | "too_large"
  | "unsupported_encoding"
  | "not_found"
  | "csrf"
  | "internal";

/** Why a closed case gives the admin console no FAQ draft (curation's `CaseDraftRefusal`, besides case_not_found). */
type CaseDraftCode = "case_not_closed" | "no_reply";

/**
 * How a request answers an error: the status, and the message a person reads (Vietnamese, plain).
 * A 500 row is a fault of the deployment or the data, not of the request: the handlers log it.
 */
export interface ErrorStatus {
  readonly status: number;
  readonly message: string;
  /** The error's own properties that are safe to show, sent beside the message. */
  readonly expose?: readonly string[];
}

/**
 * The one table from error code to HTTP answer, used by the JSON error handler and both consoles'
 * error pages. A module error's code missing here fails the typecheck and `error-status.test.ts`.
 */
export const ERROR_STATUS: { readonly [C in MappedErrorCode | CaseDraftCode | HttpCode]: ErrorStatus } = {
  // Escalation: cases and staff accounts.
  case_not_found: { status: 404, message: "Không tìm thấy hồ sơ này, hoặc bạn không có quyền xem." },
  not_holder: {
    status: 403,
    message: "Bạn cần nhận hồ sơ này trước khi xử lý (hồ sơ có thể vừa được chuyển cho cán bộ khác).",
  },
  unknown_account: { status: 400, message: "Không có tài khoản cán bộ này." },
  same_holder: { status: 400, message: "Hồ sơ đang do cán bộ này giữ." },
  unreachable: { status: 409, message: "Không nhắn được cho người dân qua kênh chat, vui lòng gọi điện." },
  case_closed: { status: 409, message: "Hồ sơ đã đóng." },
  case_state: { status: 409, message: "Hồ sơ đang ở trạng thái không cho phép việc này." },
  staff_account_exists: { status: 409, message: "Đã có tài khoản cán bộ với tên đăng nhập này." },
  // Curation: the FAQ workflow and the unanswered inbox.
  faq_not_found: { status: 404, message: "Không tìm thấy câu hỏi mẫu này." },
  faq_exists: { status: 409, message: "Đã có câu hỏi mẫu với mã này. Bạn chọn mã khác." },
  invalid_faq: {
    status: 400,
    message: "Nội dung chưa hợp lệ. Bạn xem lại các ô được đánh dấu.",
    expose: ["fields"],
  },
  version_conflict: { status: 409, message: "Câu hỏi mẫu này vừa được người khác sửa. Bạn xem lại hai bản." },
  wrong_state: { status: 409, message: "Câu hỏi mẫu đang ở trạng thái không cho phép thao tác này." },
  four_eyes: {
    status: 403,
    message: "Bạn không thể tự duyệt bản mình vừa sửa. Một quản trị viên khác cần duyệt.",
  },
  group_not_found: {
    status: 404,
    message: "Nhóm câu hỏi này không còn trong hộp thư (có thể đã được xử lý).",
  },
  // Channels: a case written from a channel this deployment does not register.
  unknown_channel: {
    status: 500,
    message: "Hồ sơ này đến từ một kênh chat hệ thống không còn hỗ trợ. Bạn vui lòng gọi điện cho người dân.",
  },
  case_not_closed: { status: 409, message: "Chỉ tạo câu hỏi mẫu từ hồ sơ đã đóng." },
  no_reply: { status: 409, message: "Hồ sơ này không có trả lời của cán bộ để làm câu hỏi mẫu." },
  // The HTTP layer's own.
  bad_request: { status: 400, message: "Yêu cầu không hợp lệ." },
  bad_json: { status: 400, message: "Nội dung gửi lên không phải JSON hợp lệ." },
  too_large: { status: 413, message: "Nội dung gửi lên quá lớn (tối đa 16 KB)." },
  unsupported_encoding: { status: 415, message: "Chỉ nhận nội dung UTF-8." },
  not_found: { status: 404, message: "Không tìm thấy địa chỉ này." },
  csrf: { status: 403, message: "Phiên làm việc không hợp lệ. Bạn tải lại trang rồi thử lại." },
  internal: { status: 500, message: "Hệ thống đang gặp sự cố. Bạn vui lòng thử lại sau." },
};

/** The HttpError of a row of the table, e.g. `httpError("not_found")`. */
export function httpError(code: keyof typeof ERROR_STATUS, options?: { cause?: unknown }): HttpError {
  const { status, message } = ERROR_STATUS[code];
  return new HttpError(status, code, message, options);
}

function isMapped(code: string): code is keyof typeof ERROR_STATUS {
  return Object.hasOwn(ERROR_STATUS, code);
}

/** What body-parser's error `type`s mean to the person who sent the body. */
const BODY_ERRORS: Readonly<Record<string, keyof typeof ERROR_STATUS>> = {
  "entity.too.large": "too_large",
  "entity.parse.failed": "bad_json",
  "encoding.unsupported": "unsupported_encoding",
  "charset.unsupported": "unsupported_encoding",
};

/**
 * The answer a request gets for `error`: an HttpError as it is, a module error through the table,
 * a body that failed its zod schema as a 400, Redis down as a 503, a body express's parsers refused
 * as a 4xx; undefined
 * for anything else (a bug: logged, and answered with `internal`).
 */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof AppError && isMapped(error.code)) {
    const { status, message, expose = [] } = ERROR_STATUS[error.code];
    const fields = error as unknown as Record<string, unknown>;
    const details = Object.fromEntries(expose.map((key) => [key, fields[key]]));
    return new HttpError(status, error.code, message, { cause: error, details });
  }
  if (error instanceof z.ZodError) {
    const { status, message } = ERROR_STATUS.bad_request;
    return new HttpError(status, "bad_request", error.issues[0]?.message ?? message, { cause: error });
  }
  const unavailable = serviceUnavailable(error);
  if (unavailable) return unavailable;
  const parser = error as { type?: unknown; status?: unknown } | undefined;
  const bodyCode = typeof parser?.type === "string" ? BODY_ERRORS[parser.type] : undefined;
  if (bodyCode) return httpError(bodyCode, { cause: error });
  if (typeof parser?.status === "number" && parser.status >= 400 && parser.status < 500) {
    return new HttpError(parser.status, "bad_request", ERROR_STATUS.bad_request.message, { cause: error });
  }
  return undefined;
}
