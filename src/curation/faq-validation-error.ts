import { AppError } from "../errors/index.js";

/** Content that content:check would reject (HTTP 400); `fields` maps a field path (e.g. `variants.2`) to its message. */
export class FaqValidationError extends AppError {
  override name = "FaqValidationError";

  constructor(readonly fields: Readonly<Record<string, string>>) {
    super(
      `invalid FAQ: ${Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ")}`,
    );
  }
}
