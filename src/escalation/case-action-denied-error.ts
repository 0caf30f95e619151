import { AppError } from "../errors/index.js";

/** Why a staff action on a case the viewer can see was refused. */
export type CaseActionDenial = "not-holder" | "unknown-account" | "same-holder" | "unreachable";

/** The viewer may see the case but not do this to it (not the holder, no such colleague, …). */
export class CaseActionDeniedError extends AppError {
  override name = "CaseActionDeniedError";

  constructor(
    readonly caseId: string,
    readonly reason: CaseActionDenial,
    action: string,
  ) {
    super(`cannot ${action} case ${caseId}: ${reason}`);
  }
}
