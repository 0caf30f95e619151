import { AppError } from "../errors/index.js";

/** No case with this id (or not one the caller may see). */
export class CaseNotFoundError extends AppError {
  override name = "CaseNotFoundError";

  constructor(readonly caseId: string) {
    super(`case ${caseId} not found`);
  }
}
