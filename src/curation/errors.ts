import { AppError } from "../errors/index.js";

/** No FAQ with this id. */
export class FaqNotFoundError extends AppError {
  override name = "FaqNotFoundError";
  static readonly codes = ["faq_not_found"] as const;
  readonly code = FaqNotFoundError.codes[0];

  constructor(readonly id: string) {
    super(`not found: ${id}`);
  }
}

/** A new FAQ must have an id of its own. */
export class FaqExistsError extends AppError {
  override name = "FaqExistsError";
  static readonly codes = ["faq_exists"] as const;
  readonly code = FaqExistsError.codes[0];

  constructor(readonly id: string) {
    super(`a FAQ with id ${id} already exists`);
  }
}

/** Content that content:check would reject; `fields` maps a field path (e.g. `variants.2`) to its message. */
export class FaqValidationError extends AppError {
  override name = "FaqValidationError";
  static readonly codes = ["invalid_faq"] as const;
  readonly code = FaqValidationError.codes[0];

  constructor(readonly fields: Readonly<Record<string, string>>) {
    super(
      `invalid FAQ: ${Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ")}`,
    );
  }
}

/** The file changed since the editor loaded it: both versions so the console can show them. */
export class VersionConflictError extends AppError {
  override name = "VersionConflictError";
  static readonly codes = ["version_conflict"] as const;
  readonly code = VersionConflictError.codes[0];

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

/** The action does not fit the FAQ's workflow state, e.g. approving a draft. */
export class CurationStateError extends AppError {
  override name = "CurationStateError";
  static readonly codes = ["wrong_state"] as const;
  readonly code = CurationStateError.codes[0];

  constructor(
    readonly id: string,
    readonly action: string,
    readonly state: string,
  ) {
    super(`cannot ${action} FAQ ${id} while it is ${state}`);
  }
}

/** The reviewer is the last editor: a second person must approve. */
export class FourEyesError extends AppError {
  override name = "FourEyesError";
  static readonly codes = ["four_eyes"] as const;
  readonly code = FourEyesError.codes[0];

  constructor(
    readonly id: string,
    readonly reviewer: string,
  ) {
    super(`${reviewer} last edited FAQ ${id} and cannot approve it`);
  }
}

/** The inbox group is gone: handled by someone else, or its questions left the usage stream. */
export class InboxGroupNotFoundError extends AppError {
  override name = "InboxGroupNotFoundError";
  static readonly codes = ["group_not_found"] as const;
  readonly code = InboxGroupNotFoundError.codes[0];

  constructor(readonly groupId: string) {
    super(`no open inbox group ${groupId}`);
  }
}
