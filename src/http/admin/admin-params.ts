import type { Request } from "express";
import { FaqNotFoundError } from "../../curation/index.js";
import { HttpError } from "../http-error.js";
import { faqIdParam, groupIdParam } from "./admin-schemas.js";

/** The FAQ id of the path; a malformed one is simply not found. */
export function faqIdOf(req: Request): string {
  const parsed = faqIdParam.safeParse(req.params.id);
  if (!parsed.success) throw new FaqNotFoundError(String(req.params.id));
  return parsed.data;
}

/** The inbox group id of the path; a malformed one is simply not found. */
export function groupIdOf(req: Request): string {
  const parsed = groupIdParam.safeParse(req.params.groupId);
  if (!parsed.success) throw new HttpError(404, "group_not_found", "Không tìm thấy nhóm câu hỏi này.");
  return parsed.data;
}
