import type { ErrorRequestHandler, Request } from "express";
import type { StaffSession } from "../../escalation/index.js";
import type { Logger } from "../../logging/index.js";
import { httpError, toHttpError } from "../error-status.js";
import type { HttpError } from "../http-error.js";
import { sendPage } from "./send-page.js";

/** What a console's message page shows (the staff and admin consoles each render their own). */
export interface MessagePage {
  readonly title: string;
  readonly message: string;
  readonly session?: StaffSession;
  readonly back?: string;
  readonly orgName?: string;
}

const TITLES: Readonly<Record<number, string>> = {
  401: "Cần đăng nhập",
  403: "Không được phép",
  404: "Không tìm thấy",
  409: "Không thực hiện được",
  503: "Tạm gián đoạn",
};

/**
 * The error page of a server-rendered console: an error the HTTP table knows (`toHttpError`) becomes
 * a message page with the status, a title and a way back (a 500 row is logged too); anything else is
 * logged and shown as a polite 500 with no detail. Static files keep express's handling.
 */
export function pageErrorHandler(deps: {
  readonly render: (page: MessagePage) => string;
  readonly logger: Logger;
  /** For the log line, e.g. "admin page failed". */
  readonly failure: string;
  readonly orgName?: string;
  /** Where "Quay lại" leads after a refusal. */
  readonly back: (req: Request, error: HttpError, session?: StaffSession) => string;
}): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (req.path.startsWith("/static/")) return next(error);
    const mapped = toHttpError(error);
    if (!mapped || mapped.status === 500) deps.logger.error({ err: error }, deps.failure);
    if (!mapped) {
      return sendPage(
        res,
        500,
        deps.render({ title: "Có lỗi", message: httpError("internal").message, orgName: deps.orgName }),
      );
    }
    // Set by the staff guards (StaffAuth); read by shape so the kit does not depend on the staff console.
    const session = (res.locals.staff as { session?: StaffSession } | undefined)?.session;
    res.set(mapped.headers);
    sendPage(
      res,
      mapped.status,
      deps.render({
        title: TITLES[mapped.status] ?? "Chưa thực hiện được",
        message: mapped.message,
        session,
        back: deps.back(req, mapped, session),
        orgName: deps.orgName,
      }),
    );
  };
}
