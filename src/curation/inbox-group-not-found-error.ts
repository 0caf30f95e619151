import { AppError } from "../errors/index.js";

/** The inbox group is gone: handled by someone else, or its questions left the usage stream (HTTP 404). */
export class InboxGroupNotFoundError extends AppError {
  override name = "InboxGroupNotFoundError";

  constructor(readonly groupId: string) {
    super(`no open inbox group ${groupId}`);
  }
}
