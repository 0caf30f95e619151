import { AppError } from "../errors/index.js";

/** A new FAQ must have an id of its own (HTTP 409). */
export class FaqExistsError extends AppError {
  override name = "FaqExistsError";

  constructor(readonly id: string) {
    super(`a FAQ with id ${id} already exists`);
  }
}
