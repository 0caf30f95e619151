import { AppError } from "../errors/index.js";

/** The action does not fit the FAQ's workflow state, e.g. approving a draft (HTTP 409). */
export class CurationStateError extends AppError {
  override name = "CurationStateError";

  constructor(
    readonly id: string,
    readonly action: string,
    readonly state: string,
  ) {
    super(`cannot ${action} FAQ ${id} while it is ${state}`);
  }
}
