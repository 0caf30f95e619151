import { z } from "zod";
import {
  CurationStateError,
  FaqExistsError,
  FaqNotFoundError,
  FaqValidationError,
  FourEyesError,
  InboxGroupNotFoundError,
  VersionConflictError,
} from "../../curation/index.js";
import { HttpError } from "../http-error.js";

/** The message shown when a reviewer tries to approve their own edit. */
export const FOUR_EYES_MESSAGE = "Bạn không thể tự duyệt bản mình vừa sửa. Một quản trị viên khác cần duyệt.";

/** Maps a curation error to the HttpError the console shows; anything else is returned unchanged. */
export function curationHttpError(error: unknown): unknown {
  if (error instanceof HttpError) return error;
  if (error instanceof VersionConflictError)
    return new HttpError(
      409,
      "version_conflict",
      "Câu hỏi mẫu này vừa được người khác sửa. Bạn xem lại hai bản.",
      {
        cause: error,
      },
    );
  if (error instanceof FaqValidationError)
    return new HttpError(400, "invalid_faq", "Nội dung chưa hợp lệ. Bạn xem lại các ô được đánh dấu.", {
      cause: error,
    });
  if (error instanceof FourEyesError)
    return new HttpError(403, "four_eyes", FOUR_EYES_MESSAGE, { cause: error });
  if (error instanceof FaqExistsError)
    return new HttpError(409, "faq_exists", "Đã có câu hỏi mẫu với mã này. Bạn chọn mã khác.", {
      cause: error,
    });
  if (error instanceof CurationStateError)
    return new HttpError(409, "wrong_state", "Câu hỏi mẫu đang ở trạng thái không cho phép thao tác này.", {
      cause: error,
    });
  if (error instanceof FaqNotFoundError)
    return new HttpError(404, "faq_not_found", "Không tìm thấy câu hỏi mẫu này.", { cause: error });
  if (error instanceof InboxGroupNotFoundError)
    return new HttpError(
      404,
      "group_not_found",
      "Nhóm câu hỏi này không còn trong hộp thư (có thể đã được xử lý).",
      {
        cause: error,
      },
    );
  if (error instanceof z.ZodError)
    return new HttpError(400, "bad_request", error.issues[0]?.message ?? "Yêu cầu không hợp lệ.", {
      cause: error,
    });
  return error;
}
