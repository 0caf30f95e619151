import { AppError } from "../errors/index.js";

/** The file changed since the editor loaded it (HTTP 409): both versions so the console can show them. */
export class VersionConflictError extends AppError {
  override name = "VersionConflictError";

  constructor(
    readonly id: string,
    readonly expectedVersion: string | null,
    readonly currentVersion: string | null,
  ) {
    super(
      `FAQ ${id} changed since version ${expectedVersion ?? "(new)"}; it is now ${currentVersion ?? "(gone)"}`,
    );
  }
}
