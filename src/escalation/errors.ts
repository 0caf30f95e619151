import { AppError } from "../errors/index.js";

/** No case with this id (or not one the caller may see). */
export class CaseNotFoundError extends AppError {
  override name = "CaseNotFoundError";
  static readonly codes = ["case_not_found"] as const;
  readonly code = CaseNotFoundError.codes[0];

  constructor(readonly caseId: string) {
    super(`case ${caseId} not found`);
  }
}

/** Why a staff action on a case the viewer can see was refused. */
export type CaseActionDenial = "not-holder" | "unknown-account" | "same-holder" | "unreachable";

const DENIAL_CODES = {
  "not-holder": "not_holder",
  "unknown-account": "unknown_account",
  "same-holder": "same_holder",
  unreachable: "unreachable",
} as const satisfies Record<CaseActionDenial, string>;

/**
 * The viewer may see the case but not do this to it: not the holder (checked by the service, or by
 * the store's script when the case changed hands meanwhile), no such colleague, already theirs, or
 * the citizen cannot be reached by chat.
 */
export class CaseActionDeniedError extends AppError {
  override name = "CaseActionDeniedError";
  static readonly codes = Object.values(DENIAL_CODES);
  readonly code: (typeof DENIAL_CODES)[CaseActionDenial];

  constructor(
    readonly caseId: string,
    readonly reason: CaseActionDenial,
    action: string,
  ) {
    super(`cannot ${action} case ${caseId}: ${reason}`);
    this.code = DENIAL_CODES[reason];
  }
}

/** The action does not fit the case's status (e.g. a reply to a closed case). */
export class CaseStateError extends AppError {
  override name = "CaseStateError";
  static readonly codes = ["case_closed", "case_state"] as const;
  readonly code: (typeof CaseStateError.codes)[number];

  constructor(
    readonly caseId: string,
    readonly status: string,
    action: string,
  ) {
    super(`cannot ${action} case ${caseId} in status ${status}`);
    this.code = status === "closed" ? "case_closed" : "case_state";
  }
}

/** A staff account with this username already exists. */
export class StaffAccountExistsError extends AppError {
  override name = "StaffAccountExistsError";
  static readonly codes = ["staff_account_exists"] as const;
  readonly code = StaffAccountExistsError.codes[0];

  constructor(readonly username: string) {
    super(`staff account ${username} already exists`);
  }
}
