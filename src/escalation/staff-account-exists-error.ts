import { AppError } from "../errors/index.js";

/** A staff account with this username already exists. */
export class StaffAccountExistsError extends AppError {
  override name = "StaffAccountExistsError";

  constructor(readonly username: string) {
    super(`staff account ${username} already exists`);
  }
}
