import { AppError } from "../errors/index.js";

/** The action does not fit the case's status (e.g. a reply to a closed case). */
export class CaseStateError extends AppError {
  override name = "CaseStateError";

  constructor(
    readonly caseId: string,
    readonly status: string,
    action: string,
  ) {
    super(`cannot ${action} case ${caseId} in status ${status}`);
  }
}
