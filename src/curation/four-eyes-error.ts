import { AppError } from "../errors/index.js";

/** The reviewer is the last editor: a second person must approve (HTTP 403). */
export class FourEyesError extends AppError {
  override name = "FourEyesError";

  constructor(
    readonly id: string,
    readonly reviewer: string,
  ) {
    super(`${reviewer} last edited FAQ ${id} and cannot approve it`);
  }
}
