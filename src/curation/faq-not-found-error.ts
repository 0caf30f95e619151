import { AppError } from "../errors/index.js";

/** No FAQ (or no inbox group) with this id (HTTP 404). */
export class FaqNotFoundError extends AppError {
  override name = "FaqNotFoundError";

  constructor(readonly id: string) {
    super(`not found: ${id}`);
  }
}
