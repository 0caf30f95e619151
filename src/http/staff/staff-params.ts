import type { Request } from "express";
import { CaseNotFoundError } from "../../escalation/index.js";
import { caseIdParam } from "./staff-schemas.js";

/** The case id of the path; a malformed one is simply not found. */
export function caseIdOf(req: Request, param = "id"): string {
  const raw = String(req.params[param]);
  const parsed = caseIdParam.safeParse(raw);
  if (!parsed.success) throw new CaseNotFoundError(raw);
  return parsed.data;
}
